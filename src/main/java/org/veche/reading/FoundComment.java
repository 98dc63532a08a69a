package org.veche.reading;

import org.veche.discussion.CommentHit;
import org.veche.publishing.ArticleSummary;

/**
 * A comment the search found, with the article it belongs to: a row of the search page's
 * comment results.
 */
public record FoundComment(CommentHit hit, ArticleSummary article) {
}
