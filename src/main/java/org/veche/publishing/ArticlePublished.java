package org.veche.publishing;

import java.time.Instant;

/**
 * An article became visible to readers, now or at its scheduled time.
 */
public record ArticlePublished(long articleId, String slug, Instant publishedAt) {
}
