package org.veche.publishing;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.veche.identity.SignedIn;
import org.veche.publishing.internal.Articles;
import org.veche.publishing.internal.Slugs;
import org.veche.site.Found;
import org.veche.site.Markdown;
import org.veche.site.RejectedInput;
import org.veche.site.SearchQuery;

/**
 * The publishing module's face: editors write and publish, everyone else finds what is published.
 */
@Service
public class Publishing {

	static final int MAX_TITLE = 300;

	static final int MAX_LEAD = 2_000;

	static final int MAX_BODY = 500_000;

	static final int MAX_TAGS = 20;

	static final int MAX_TAG = 60;

	private final Articles articles;

	private final Markdown markdown;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Publishing(Articles articles, Markdown markdown, ApplicationEventPublisher events, Clock clock) {
		this.articles = articles;
		this.markdown = markdown;
		this.events = events;
		this.clock = clock;
	}

	/** A published article (or a scheduled one whose time has come) by its slug. */
	public Optional<Article> published(String slug) {
		Instant now = clock.instant();
		return articles.bySlug(slug).filter(article -> article.isVisibleAt(now));
	}

	public Optional<Article> article(long id) {
		return articles.byId(id);
	}

	public Optional<Article> article(String slug) {
		return articles.bySlug(slug);
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

	/** How many listed articles the query finds. */
	public long searchCount(SearchQuery query) {
		return articles.countFound(clock.instant(), query);
	}

	/** Listed articles whose title, lead or text holds every word of the query, best first. */
	public Found<ArticleHit> search(SearchQuery query, int page, int size) {
		int safePage = Math.max(1, page);
		int safeSize = Math.clamp(size, 1, 50);
		Instant now = clock.instant();
		long total = articles.countFound(now, query);
		var hits = total == 0 ? List.<ArticleHit>of() : articles.search(now, query, (safePage - 1) * safeSize, safeSize);
		return new Found<>(hits, total, safePage, safeSize);
	}

	/** What one author has published, newest first. */
	public List<ArticleSummary> byAuthor(long authorId, int size) {
		return articles.visibleBy(clock.instant(), authorId, 0, Math.clamp(size, 1, 100));
	}

	/** Those of the articles readers may see now: a list of comments shows only these articles' comments. */
	public java.util.Map<Long, ArticleSummary> visibleAmong(java.util.Collection<Long> ids) {
		return articles.visibleAmong(clock.instant(), ids);
	}

	/** Every visible article's dates, a slice at a time, newest first. */
	public List<ArticleStamp> stamps(int offset, int limit) {
		return articles.stamps(clock.instant(), Math.max(0, offset), Math.clamp(limit, 1, 50_000));
	}

	/** How many articles there are, whatever their status. */
	public long deskSize() {
		return articles.count();
	}

	/** Every article whatever its status, in id order after the given id, for moving the site elsewhere. */
	public List<Article> everyArticle(long afterId, int limit) {
		return articles.after(afterId, Math.clamp(limit, 1, 1000));
	}

	/** The desk as this person sees it: editors everything, authors only what they wrote. */
	public List<Article> desk(SignedIn by, int page, int size) {
		return articles.all(mayPublish(by) ? null : by.accountId(), (Math.max(1, page) - 1) * size, size);
	}

	public long deskSize(SignedIn by) {
		return mayPublish(by) ? articles.count() : articles.countBy(by.accountId());
	}

	/** Editors and administrators publish and schedule; authors only save drafts. */
	public boolean mayPublish(SignedIn by) {
		return by != null && by.role().publishes();
	}

	/**
	 * The article if this person may change it (its text, its photos, its cover): editors any article, an author
	 * only their own and only while it is a draft, because once an editor has published or scheduled it, saving
	 * the author's version would take it off the site again.
	 */
	public Article editable(long id, SignedIn by) {
		return editable(articles.byId(id), by);
	}

	public Article editable(String slug, SignedIn by) {
		return editable(articles.bySlug(slug), by);
	}

	private Article editable(Optional<Article> found, SignedIn by) {
		Article article = found.orElseThrow(() -> new RejectedInput(HttpStatus.NOT_FOUND, "article.notFound"));
		if (mayPublish(by)) {
			return article;
		}
		if (by == null || !by.role().writes() || article.authorId() == null || article.authorId() != by.accountId()) {
			throw new RejectedInput(HttpStatus.FORBIDDEN, "article.notYours");
		}
		if (article.status() != Article.Status.DRAFT) {
			throw new RejectedInput(HttpStatus.FORBIDDEN, "article.author.locked");
		}
		return article;
	}

	/** Writes a new article as this person; an author's may only be a draft. */
	@Transactional
	public Article create(ArticleDraft draft, SignedIn by) {
		if (by == null || !by.role().writes()) {
			throw new RejectedInput(HttpStatus.FORBIDDEN, "article.notYours");
		}
		requireMayPublish(draft, by);
		refuseExternalKind(draft);
		return create(draft, by.accountId(), by.displayName());
	}

	/** Saves a new version as this person: the same rules as {@link #editable} and {@link #create}. */
	@Transactional
	public Article revise(long id, ArticleDraft draft, SignedIn by) {
		Article before = editable(id, by);
		if (before.isExternalPage()) {
			// an editor may retitle a discussed page, but it stays that page's discussion
			draft = new ArticleDraft(Article.Kind.EXTERNAL_PAGE, draft.title(), draft.lead(), draft.body(), draft.tags(),
					before.source(), draft.status(), draft.publishAt(), draft.coverPhotoId());
		}
		else {
			refuseExternalKind(draft);
		}
		requireMayPublish(draft, by);
		return revise(id, draft);
	}

	/** Only the embed makes pages of other sites, and only for an allowed site. */
	private static void refuseExternalKind(ArticleDraft draft) {
		if (draft.kind() == Article.Kind.EXTERNAL_PAGE) {
			throw new RejectedInput("article.kind.invalid");
		}
	}

	private void requireMayPublish(ArticleDraft draft, SignedIn by) {
		if (draft.status() != null && draft.status() != Article.Status.DRAFT && !mayPublish(by)) {
			throw new RejectedInput(HttpStatus.FORBIDDEN, "article.publish.forbidden");
		}
	}

	public String preview(String body) {
		return markdown.article(body == null ? "" : body);
	}

	/** Writes a new article for the site itself (demo content): no one's role is checked. */
	@Transactional
	public Article create(ArticleDraft draft, Long authorId, String authorName) {
		Instant now = clock.instant();
		Checked checked = check(draft, now, null);
		long id = articles.add(row(checked, uniqueSlug(checked.title(), null), authorId, authorName), now);
		articles.replaceTags(id, checked.tags());
		Article article = articles.byId(id).orElseThrow();
		announceIfVisible(article, now);
		return article;
	}

	/**
	 * Brings in an article from another platform as it stood there: its slug (made unique), author name, status
	 * and dates. A scheduled time already past counts as published. No one is told it was published: it was,
	 * long ago; a scheduled one is announced when its time comes, as any other.
	 */
	@Transactional
	public Article importArticle(ImportedArticle imported) {
		Instant now = clock.instant();
		Article.Status status = imported.status();
		if (status == Article.Status.SCHEDULED && !imported.publishedAt().isAfter(now)) {
			status = Article.Status.PUBLISHED;
		}
		Checked checked = check(new ArticleDraft(imported.kind(), imported.title(), imported.lead(), imported.body(),
				imported.tags(), imported.source(), status, imported.publishedAt(), null), now, null);
		String slugBase = imported.slug() == null || imported.slug().isBlank() ? checked.title() : imported.slug();
		long id = articles.add(row(checked, uniqueSlug(slugBase, null), null, text(imported.authorName(), 200,
				"article.author")), imported.createdAt(), imported.updatedAt());
		articles.replaceTags(id, checked.tags());
		return articles.byId(id).orElseThrow();
	}

	/** The article that names this link as its source ("according to ..."), if any. */
	public Optional<Article> citing(String sourceUrl) {
		return sourceUrl == null || sourceUrl.isBlank() ? Optional.empty() : articles.bySourceUrl(sourceUrl.strip());
	}

	/**
	 * A page of another site whose discussion this site holds: published at once, under the page's title, with
	 * the page as its source. No event announces it, since it is not news of this site.
	 */
	@Transactional
	public Article createExternalPage(String title, String pageUrl, String siteName) {
		Instant now = clock.instant();
		String clean = text(title, MAX_TITLE, "article.title");
		String url = checkedUrl(pageUrl);
		String name = text(siteName, 200, "article.source");
		var row = new Articles.Row(uniqueSlug(clean, null), Article.Kind.EXTERNAL_PAGE, clean, "", "", "", null, name,
				Article.Status.PUBLISHED, now, new Article.Source(name, url), null);
		return articles.byId(articles.add(row, now)).orElseThrow();
	}

	private Article revise(long id, ArticleDraft draft) {
		Article before = articles.byId(id).orElseThrow(() -> new RejectedInput(HttpStatus.NOT_FOUND, "article.notFound"));
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

	/** The editor's switch for the article's comments: open, pre-moderated or closed. */
	@Transactional
	public void setDiscussion(long articleId, Article.Discussion discussion, SignedIn by) {
		editable(articleId, by);
		articles.setDiscussion(articleId, discussion, clock.instant());
	}

	/** The photo shown at the top of the article and beside it in lists. */
	public void setCover(long articleId, Long photoId) {
		articles.setCover(articleId, photoId, clock.instant());
	}

	/**
	 * The schedule's own door to {@link #publishDue}: of several nodes, the one holding the lock publishes (a
	 * direct call, from a test or elsewhere, is not locked and not skipped).
	 */
	@Scheduled(fixedDelayString = "${veche.publishing.schedule-check:PT30S}")
	@SchedulerLock(name = "publishing.publishDue", lockAtMostFor = "PT5M")
	@Transactional
	void publishDueOnSchedule() {
		publishDue();
	}

	/** Scheduled articles go out on their own; this tells the rest of the site when they do. */
	@Transactional
	public void publishDue() {
		Instant now = clock.instant();
		for (long id : articles.dueScheduled(now)) {
			articles.markPublished(id);
			articles.byId(id).ifPresent(article -> events.publishEvent(
					new ArticlePublished(article.id(), article.slug(), article.publishedAt())));
		}
	}

	private void announceIfVisible(Article article, Instant now) {
		if (article.status() == Article.Status.PUBLISHED && article.isVisibleAt(now)) {
			events.publishEvent(new ArticlePublished(article.id(), article.slug(), article.publishedAt()));
		}
	}

	private Articles.Row row(Checked c, String slug, Long authorId, String authorName) {
		return new Articles.Row(slug, c.kind(), c.title(), c.lead(), c.body(), markdown.article(c.body()), authorId,
				authorName, c.status(), c.publishAt(), c.source(), c.coverPhotoId());
	}

	private String uniqueSlug(String title, Long exceptId) {
		String base = Slugs.of(title);
		String slug = base;
		for (int n = 2; articles.slugTaken(slug, exceptId); n++) {
			slug = base + "-" + n;
		}
		return slug;
	}

	private record Checked(Article.Kind kind, String title, String lead, String body, List<String> tags,
			Article.Source source, Article.Status status, Instant publishAt, Long coverPhotoId) {
	}

	private static Checked check(ArticleDraft draft, Instant now, Article before) {
		String title = text(draft.title(), MAX_TITLE, "article.title");
		if (title.isEmpty()) {
			throw new RejectedInput("article.title.required");
		}
		String lead = text(draft.lead(), MAX_LEAD, "article.lead");
		String body = draft.body() == null ? "" : draft.body();
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
		Article.Status status = draft.status() == null ? Article.Status.DRAFT : draft.status();
		Instant publishAt = draft.publishAt();
		if (status == Article.Status.SCHEDULED && (publishAt == null || !publishAt.isAfter(now))) {
			throw new RejectedInput("article.schedule.future");
		}
		if (status == Article.Status.PUBLISHED && publishAt == null) {
			publishAt = before != null && before.publishedAt() != null && before.isVisibleAt(now) ? before.publishedAt()
					: now;
		}
		Article.Kind kind = draft.kind() == null ? Article.Kind.ARTICLE : draft.kind();
		return new Checked(kind, title, lead, body, List.copyOf(tags), source, status, publishAt, draft.coverPhotoId());
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
