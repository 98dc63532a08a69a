package org.veche.discussion;

/**
 * A moderator corrected a comment's text.
 */
public record CommentEdited(long commentId, long articleId) {
}
