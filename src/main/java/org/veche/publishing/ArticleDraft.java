package org.veche.publishing;

import java.time.Instant;
import java.util.List;

/**
 * What an editor submits for an article, before the site checks it.
 *
 * @param words the title, lead and body as typed
 * @param plan whether it goes out, and when
 */
public record ArticleDraft(Article.Kind kind, Words words, List<String> tags, Article.Source source, Plan plan,
		Long coverPhotoId) {

	/**
	 * The words of a draft: {@link Article.Copy} without the rendered body, which the
	 * site makes from the Markdown only once the draft has passed its checks.
	 */
	public record Words(String title, String lead, String body) {
	}

	/**
	 * Where the editor wants the draft to stand.
	 *
	 * @param status null for a draft
	 * @param publishAt when a scheduled article goes out; for a published one, defaults
	 * to now
	 */
	public record Plan(Article.Status status, Instant publishAt) {
	}

}
