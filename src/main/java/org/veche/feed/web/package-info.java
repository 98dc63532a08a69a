/**
 * The feed, sitemap and robots.txt endpoints, with conditional GET.
 */
package org.veche.feed.web;
