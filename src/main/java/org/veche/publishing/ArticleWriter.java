package org.veche.publishing;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.veche.publishing.internal.Articles;
import org.veche.publishing.internal.Slugs;
import org.veche.site.Markdown;
import org.veche.site.RejectedInput;

/**
 * Checks what is written into an article and writes it, announcing what readers may see
 * from now on. The facades ({@link Newsroom}, {@link ArticleIntake}) decide who may
 * write; this decides what may be written.
 */
@Component
class ArticleWriter {

	static final int MAX_TITLE = 300;

	static final int MAX_LEAD = 2_000;

	static final int MAX_BODY = 500_000;

	static final int MAX_TAGS = 20;

	static final int MAX_TAG = 60;

	private final Articles articles;

	private final Markdown markdown;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ArticleWriter(Articles articles, Markdown markdown, ApplicationEventPublisher events, Clock clock) {
		this.articles = articles;
		this.markdown = markdown;
		this.events = events;
		this.clock = clock;
	}

	/** A new article under this byline, announced if it goes out at once. */
	Article create(ArticleDraft draft, Long authorId, String authorName) {
		Instant now = clock.instant();
		Checked checked = check(draft, now, null);
		long id = articles.add(row(checked, uniqueSlug(checked.words().title(), null), authorId, authorName), now);
		articles.replaceTags(id, checked.tags());
		Article article = articles.byId(id).orElseThrow();
		announceIfVisible(article, now);
		return article;
	}

	/**
	 * A new version under the same slug and byline, announced if it was not visible
	 * before and is now.
	 */
	Article revise(long id, ArticleDraft draft) {
		Article before = articles.byId(id)
			.orElseThrow(() -> new RejectedInput(HttpStatus.NOT_FOUND, "article.notFound"));
		Instant now = clock.instant();
		Checked checked = check(draft, now, before);
		articles.update(id, row(checked, before.slug(), before.authorId(), before.authorName()), now);
		articles.replaceTags(id, checked.tags());
		Article article = articles.byId(id).orElseThrow();
		if (!before.isVisibleAt(now)) {
			announceIfVisible(article, now);
		}
		return article;
	}

	/** See {@link ArticleIntake#importArticle}. */
	Article importArticle(ImportedArticle imported) {
		Instant now = clock.instant();
		ArticleDraft draft = imported.draft();
		Article.Status status = draft.plan().status();
		if (status == Article.Status.SCHEDULED && !draft.plan().publishAt().isAfter(now)) {
			status = Article.Status.PUBLISHED;
		}
		Checked checked = check(new ArticleDraft(draft.kind(), draft.words(), draft.tags(), draft.source(),
				new ArticleDraft.Plan(status, draft.plan().publishAt()), null), now, null);
		String slugBase = imported.slug() == null || imported.slug().isBlank() ? checked.words().title()
				: imported.slug();
		long id = articles.add(
				row(checked, uniqueSlug(slugBase, null), null, text(imported.authorName(), 200, "article.author")),
				imported.createdAt(), imported.updatedAt());
		articles.replaceTags(id, checked.tags());
		return articles.byId(id).orElseThrow();
	}

	/** See {@link ArticleIntake#createExternalPage}. */
	Article createExternalPage(String title, String pageUrl, String siteName) {
		Instant now = clock.instant();
		String clean = text(title, MAX_TITLE, "article.title");
		String url = checkedUrl(pageUrl);
		String name = text(siteName, 200, "article.source");
		var row = new Articles.Row(uniqueSlug(clean, null), Article.Kind.EXTERNAL_PAGE,
				new Article.Copy(clean, "", "", ""), new Article.Byline(null, name, new Article.Source(name, url)),
				Article.Status.PUBLISHED, now, null);
		return articles.byId(articles.add(row, now)).orElseThrow();
	}

	/**
	 * Scheduled articles go out on their own; this tells the rest of the site when they
	 * do.
	 */
	void publishDue() {
		Instant now = clock.instant();
		for (long id : articles.dueScheduled(now)) {
			articles.markPublished(id);
			articles.byId(id)
				.ifPresent(article -> events
					.publishEvent(new ArticlePublished(article.id(), article.slug(), article.publishedAt())));
		}
	}

	String preview(String body) {
		return markdown.article(body == null ? "" : body);
	}

	private void announceIfVisible(Article article, Instant now) {
		if (article.status() == Article.Status.PUBLISHED && article.isVisibleAt(now)) {
			events.publishEvent(new ArticlePublished(article.id(), article.slug(), article.publishedAt()));
		}
	}

	private Articles.Row row(Checked c, String slug, Long authorId, String authorName) {
		ArticleDraft.Words words = c.words();
		return new Articles.Row(slug, c.kind(),
				new Article.Copy(words.title(), words.lead(), words.body(), markdown.article(words.body())),
				new Article.Byline(authorId, authorName, c.source()), c.plan().status(), c.plan().publishAt(),
				c.coverPhotoId());
	}

	private String uniqueSlug(String title, Long exceptId) {
		String base = Slugs.of(title);
		String slug = base;
		for (int n = 2; articles.slugTaken(slug, exceptId); n++) {
			slug = base + "-" + n;
		}
		return slug;
	}

	private record Checked(Article.Kind kind, ArticleDraft.Words words, List<String> tags, Article.Source source,
			ArticleDraft.Plan plan, Long coverPhotoId) {
	}

	private static Checked check(ArticleDraft draft, Instant now, Article before) {
		String title = text(draft.words().title(), MAX_TITLE, "article.title");
		if (title.isEmpty()) {
			throw new RejectedInput("article.title.required");
		}
		String lead = text(draft.words().lead(), MAX_LEAD, "article.lead");
		String body = draft.words().body() == null ? "" : draft.words().body();
		if (body.length() > MAX_BODY) {
			throw new RejectedInput("article.body.tooLong", MAX_BODY);
		}
		if (body.indexOf('\0') >= 0) {
			throw new RejectedInput("input.controlCharacters");
		}
		var tags = new LinkedHashSet<String>();
		for (String tag : draft.tags() == null ? List.<String>of() : draft.tags()) {
			String clean = text(tag, MAX_TAG, "article.tag").toLowerCase(java.util.Locale.ROOT);
			if (!clean.isEmpty()) {
				tags.add(clean);
			}
		}
		if (tags.size() > MAX_TAGS) {
			throw new RejectedInput("article.tags.tooMany", MAX_TAGS);
		}
		Article.Source source = null;
		if (draft.source() != null && draft.source().name() != null && !draft.source().name().isBlank()) {
			String url = draft.source().url() == null || draft.source().url().isBlank() ? null
					: checkedUrl(draft.source().url().strip());
			source = new Article.Source(text(draft.source().name(), 200, "article.source"), url);
		}
		Article.Status status = draft.plan().status() == null ? Article.Status.DRAFT : draft.plan().status();
		Instant publishAt = draft.plan().publishAt();
		if (status == Article.Status.SCHEDULED && (publishAt == null || !publishAt.isAfter(now))) {
			throw new RejectedInput("article.schedule.future");
		}
		if (status == Article.Status.PUBLISHED && publishAt == null) {
			publishAt = before != null && before.publishedAt() != null && before.isVisibleAt(now) ? before.publishedAt()
					: now;
		}
		Article.Kind kind = draft.kind() == null ? Article.Kind.ARTICLE : draft.kind();
		return new Checked(kind, new ArticleDraft.Words(title, lead, body), List.copyOf(tags), source,
				new ArticleDraft.Plan(status, publishAt), draft.coverPhotoId());
	}

	private static String text(String value, int max, String field) {
		String clean = value == null ? "" : value.strip();
		if (clean.length() > max) {
			throw new RejectedInput(field + ".tooLong", max);
		}
		if (clean.chars().anyMatch(c -> c < 0x20)) {
			throw new RejectedInput("input.controlCharacters");
		}
		return clean;
	}

	private static String checkedUrl(String url) {
		try {
			URI uri = new URI(url);
			if (("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
					&& uri.getHost() != null && url.length() <= 2000) {
				return url;
			}
		}
		catch (java.net.URISyntaxException ex) {
			// falls through to the rejection below
		}
		throw new RejectedInput("article.source.url");
	}

}
