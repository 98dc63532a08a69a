package org.veche.discussion;

import java.util.Collection;

import org.veche.publishing.Article;

/**
 * A reader's own comment as they ask to change it: which one, on which article, who asks,
 * and for a guest the ids their signed cookie names (empty for a signed-in reader).
 */
public record OwnComment(Article article, long commentId, Commenter who, Collection<Long> guestOwned) {
}
