package org.veche.discussion;

import java.time.Instant;

/**
 * A text a comment had before its author changed or deleted it, for moderators.
 *
 * @param replacedAt when the author replaced (or deleted) this text
 */
public record CommentRevision(String body, Instant replacedAt) {
}
