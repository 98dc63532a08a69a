package org.veche.publishing;

import org.veche.site.Snippet;

/**
 * An article a search found, with the piece of its text around the words that matched.
 */
public record ArticleHit(ArticleSummary article, Snippet snippet) {
}
