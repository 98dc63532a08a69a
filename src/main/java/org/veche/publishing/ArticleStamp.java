package org.veche.publishing;

import java.time.Instant;

/**
 * When a visible article came out and when it last changed, for those who only ask what
 * is new (the sitemap).
 */
public record ArticleStamp(String slug, Instant publishedAt, Instant updatedAt) {

	public String path() {
		return "/articles/" + slug;
	}

}
