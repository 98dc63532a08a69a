package org.veche.publishing;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.veche.publishing.internal.Articles;

/**
 * What readers may see now: published articles (and scheduled ones whose time has come),
 * one by one or a list at a time.
 */
@Service
public class ArticleCatalogue {

	private final Articles articles;

	private final Clock clock;

	ArticleCatalogue(Articles articles, Clock clock) {
		this.articles = articles;
		this.clock = clock;
	}

	/** A published article (or a scheduled one whose time has come) by its slug. */
	public Optional<Article> published(String slug) {
		Instant now = clock.instant();
		return articles.bySlug(slug).filter(article -> article.isVisibleAt(now));
	}

	public Listing latest(int page, int size) {
		return listing(null, page, size);
	}

	public Listing tagged(String tag, int page, int size) {
		return listing(tag, page, size);
	}

	private Listing listing(String tag, int page, int size) {
		int safePage = Math.max(1, page);
		int safeSize = Math.clamp(size, 1, 100);
		Instant now = clock.instant();
		return new Listing(articles.visible(now, tag, (safePage - 1) * safeSize, safeSize),
				articles.countVisible(now, tag), safePage, safeSize);
	}

	/** The newest photo stories, for the front page's section. */
	public List<ArticleSummary> photoStories(int size) {
		return articles.visibleOfKind(clock.instant(), Article.Kind.PHOTO_STORY, Math.clamp(size, 1, 50));
	}

	/** The tags most used by listed articles: the front page's tag menu. */
	public List<String> topTags(int size) {
		return articles.topTags(clock.instant(), Math.clamp(size, 1, 100));
	}

	/** What one author has published, newest first. */
	public List<ArticleSummary> byAuthor(long authorId, int size) {
		return articles.visibleBy(clock.instant(), authorId, 0, Math.clamp(size, 1, 100));
	}

	/**
	 * Those of the articles readers may see now: a list of comments shows only these
	 * articles' comments.
	 */
	public Map<Long, ArticleSummary> visibleAmong(Collection<Long> ids) {
		return articles.visibleAmong(clock.instant(), ids);
	}

	/** Every visible article's dates, a slice at a time, newest first. */
	public List<ArticleStamp> stamps(int offset, int limit) {
		return articles.stamps(clock.instant(), Math.max(0, offset), Math.clamp(limit, 1, 50_000));
	}

}
