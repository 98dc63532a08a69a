/**
 * Articles and photo stories: writing, scheduling and publishing them, and finding the
 * published ones.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Publishing")
package org.veche.publishing;
