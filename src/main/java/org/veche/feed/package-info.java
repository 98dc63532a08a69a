/**
 * How the site is found and followed from elsewhere: RSS and Atom feeds, the sitemap,
 * robots.txt, and the share and search tags in an article's head.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Feeds and discovery")
package org.veche.feed;
