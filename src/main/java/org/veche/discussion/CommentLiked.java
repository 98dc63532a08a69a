package org.veche.discussion;

/**
 * A reader liked a comment or took a like back.
 */
public record CommentLiked(long commentId, long articleId, int likes) {
}
