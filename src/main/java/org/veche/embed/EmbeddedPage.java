package org.veche.embed;

import java.time.Instant;

/**
 * A page of another site with its discussion here.
 *
 * @param url the page's normalised address (see {@link PageUrl})
 * @param articleId the article of kind EXTERNAL_PAGE that holds the discussion
 * @param articlePath where the discussion can be read on this site
 */
public record EmbeddedPage(long id, String url, String origin, long articleId, String articlePath, Instant createdAt) {
}
