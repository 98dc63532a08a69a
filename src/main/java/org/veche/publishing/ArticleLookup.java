package org.veche.publishing;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.veche.publishing.internal.Articles;

/**
 * Any article whatever its status, for the site's own work (threads, imports, exports,
 * moderation): what readers may see is {@link ArticleCatalogue}'s to say.
 */
@Service
public class ArticleLookup {

	private final Articles articles;

	ArticleLookup(Articles articles) {
		this.articles = articles;
	}

	public Optional<Article> article(long id) {
		return articles.byId(id);
	}

	public Optional<Article> article(String slug) {
		return articles.bySlug(slug);
	}

	/** The article that names this link as its source ("according to ..."), if any. */
	public Optional<Article> citing(String sourceUrl) {
		return sourceUrl == null || sourceUrl.isBlank() ? Optional.empty() : articles.bySourceUrl(sourceUrl.strip());
	}

	/**
	 * Every article whatever its status, in id order after the given id, for moving the
	 * site elsewhere.
	 */
	public List<Article> everyArticle(long afterId, int limit) {
		return articles.after(afterId, Math.clamp(limit, 1, 1000));
	}

	/** How many articles there are, whatever their status. */
	public long deskSize() {
		return articles.count();
	}

}
