package org.veche.publishing;

import java.time.Instant;
import java.util.List;

/**
 * An article as lists show it: front page, tag pages, the API's article list.
 */
public record ArticleSummary(long id, String slug, Article.Kind kind, String title, String lead, String authorName,
		Instant publishedAt, Long coverPhotoId, List<String> tags) {

	public String path() {
		return "/articles/" + slug;
	}

}
