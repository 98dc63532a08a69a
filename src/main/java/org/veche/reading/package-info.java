/**
 * What a reader sees: the front page, tag pages, and article pages with their gallery and
 * discussion.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reading")
package org.veche.reading;
