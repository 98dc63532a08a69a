package org.veche.publishing;

import java.time.Instant;

/**
 * An article brought in from another platform's export: what an editor would submit, and
 * what it had there.
 *
 * @param draft the article as submitted; its publishAt is when it was (or is to be)
 * published, null for a draft; an import sets no cover (the importer adds the photos
 * after)
 * @param slug the wished-for slug (the old one, kept so that addresses look alike); made
 * unique on the site
 * @param authorName the byline; imported authors are names, not accounts
 */
public record ImportedArticle(ArticleDraft draft, String slug, String authorName, Instant createdAt,
		Instant updatedAt) {
}
