package org.veche.discussion;

/**
 * A comment changed in place: a moderator corrected its text or made it an editors' pick
 * (or no longer one), or its author edited or deleted it. Its thread's pages are stale.
 */
public record CommentEdited(long commentId, long articleId) {
}
