package org.veche.discussion;

/**
 * A reader posted a comment; its status says whether readers can see it yet.
 */
public record CommentPosted(long commentId, long articleId, Long parentId, CommentStatus status) {
}
