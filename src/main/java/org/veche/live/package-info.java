/**
 * What moves on an open article page without a reload: new approved comments, like counts
 * and removals, and the live blog's updates, streamed to readers as Server-Sent Events.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Live threads and live blogs")
package org.veche.live;
