package org.veche.publishing;

import java.time.Instant;
import java.util.List;

/**
 * An article brought in from another platform's export, with what it had there.
 * @param slug the wished-for slug (the old one, kept so that addresses look alike); made unique on the site
 * @param authorName the byline; imported authors are names, not accounts
 * @param publishedAt when it was (or is to be) published; null for a draft
 * @param source the "according to" line, or null
 */
public record ImportedArticle(Article.Kind kind, String title, String lead, String body, List<String> tags,
		Article.Status status, Instant publishedAt, Instant createdAt, Instant updatedAt, String slug,
		String authorName, Article.Source source) {
}
