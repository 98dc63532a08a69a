package org.veche.publishing;

import java.time.Instant;
import java.util.List;

/**
 * What an editor submits for an article, before the site checks it.
 *
 * @param publishAt when a scheduled article goes out; for a published one, defaults to
 * now
 */
public record ArticleDraft(Article.Kind kind, String title, String lead, String body, List<String> tags,
		Article.Source source, Article.Status status, Instant publishAt, Long coverPhotoId) {
}
