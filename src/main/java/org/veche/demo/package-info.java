/**
 * Demo content for a new site: a few articles, a photo story with photos drawn here, and
 * a lively discussion.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo content")
package org.veche.demo;
