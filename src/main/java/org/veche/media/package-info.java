/**
 * Photos: uploads checked by content, re-encoded into responsive variants without
 * metadata, and galleries.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Media")
package org.veche.media;
