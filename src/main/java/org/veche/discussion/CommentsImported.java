package org.veche.discussion;

/**
 * Comments were imported into an article's thread in bulk; unlike {@link CommentPosted}
 * nobody is notified, only pages showing the thread follow.
 */
public record CommentsImported(long articleId, int count) {
}
