package org.veche.publishing;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Articles the site itself brings in, with no one's role to check: demo content, imports
 * from other platforms, and the pages of other sites whose discussion the embed holds.
 */
@Service
public class ArticleIntake {

	private final ArticleWriter writer;

	ArticleIntake(ArticleWriter writer) {
		this.writer = writer;
	}

	/** Writes a new article for the site itself (demo content) under this byline. */
	@Transactional
	public Article create(ArticleDraft draft, Long authorId, String authorName) {
		return writer.create(draft, authorId, authorName);
	}

	/**
	 * Brings in an article from another platform as it stood there: its slug (made
	 * unique), author name, status and dates. A scheduled time already past counts as
	 * published. No one is told it was published: it was, long ago; a scheduled one is
	 * announced when its time comes, as any other.
	 */
	@Transactional
	public Article importArticle(ImportedArticle imported) {
		return writer.importArticle(imported);
	}

	/**
	 * A page of another site whose discussion this site holds: published at once, under
	 * the page's title, with the page as its source. No event announces it, since it is
	 * not news of this site.
	 */
	@Transactional
	public Article createExternalPage(String title, String pageUrl, String siteName) {
		return writer.createExternalPage(title, pageUrl, siteName);
	}

}
