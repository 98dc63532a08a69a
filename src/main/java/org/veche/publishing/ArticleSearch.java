package org.veche.publishing;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Service;
import org.veche.publishing.internal.Articles;
import org.veche.site.Found;
import org.veche.site.SearchQuery;

/**
 * The search page's half for articles: listed articles whose title, lead or text holds
 * every word of a query.
 */
@Service
public class ArticleSearch {

	private final Articles articles;

	private final Clock clock;

	ArticleSearch(Articles articles, Clock clock) {
		this.articles = articles;
		this.clock = clock;
	}

	/** How many listed articles the query finds. */
	public long count(SearchQuery query) {
		return articles.countFound(clock.instant(), query);
	}

	/**
	 * Listed articles whose title, lead or text holds every word of the query, best
	 * first.
	 */
	public Found<ArticleHit> find(SearchQuery query, int page, int size) {
		int safePage = Math.max(1, page);
		int safeSize = Math.clamp(size, 1, 50);
		Instant now = clock.instant();
		long total = articles.countFound(now, query);
		var hits = total == 0 ? List.<ArticleHit>of()
				: articles.search(now, query, (safePage - 1) * safeSize, safeSize);
		return new Found<>(hits, total, safePage, safeSize);
	}

}
