package org.veche.discussion;

import org.veche.site.Snippet;

/**
 * An approved comment a search found, with the piece of its text around the words that
 * matched.
 */
public record CommentHit(Comment comment, Snippet snippet) {
}
