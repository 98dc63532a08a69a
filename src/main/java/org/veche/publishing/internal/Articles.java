package org.veche.publishing.internal;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.noCondition;
import static org.jooq.impl.DSL.table;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.veche.publishing.Article;
import org.veche.publishing.ArticleHit;
import org.veche.publishing.ArticleStamp;
import org.veche.publishing.ArticleSummary;
import org.veche.schema.tables.ArticleTag;
import org.veche.site.Cluster;
import org.veche.site.SearchQuery;
import org.veche.site.Snippet;

/**
 * The article and article_tag tables.
 */
@Repository
public class Articles {

	static final org.veche.schema.tables.Article ARTICLE = org.veche.schema.tables.Article.ARTICLE;

	static final Field<Long> ID = ARTICLE.ID;

	static final Field<String> SLUG = ARTICLE.SLUG;

	static final Field<String> KIND = ARTICLE.KIND;

	static final Field<String> TITLE = ARTICLE.TITLE;

	static final Field<String> LEAD = ARTICLE.LEAD;

	static final Field<String> BODY = ARTICLE.BODY;

	static final Field<String> BODY_HTML = ARTICLE.BODY_HTML;

	static final Field<Long> AUTHOR_ID = ARTICLE.AUTHOR_ID;

	static final Field<String> AUTHOR_NAME = ARTICLE.AUTHOR_NAME;

	static final Field<String> STATUS = ARTICLE.STATUS;

	static final Field<Long> PUBLISHED_AT = ARTICLE.PUBLISHED_AT;

	static final Field<Long> CREATED_AT = ARTICLE.CREATED_AT;

	static final Field<Long> UPDATED_AT = ARTICLE.UPDATED_AT;

	static final Field<String> SOURCE_NAME = ARTICLE.SOURCE_NAME;

	static final Field<String> SOURCE_URL = ARTICLE.SOURCE_URL;

	static final Field<Long> COVER_PHOTO_ID = ARTICLE.COVER_PHOTO_ID;

	static final Field<String> COMMENT_STATUS = ARTICLE.COMMENT_STATUS;

	static final ArticleTag ARTICLE_TAG = ArticleTag.ARTICLE_TAG;

	static final Field<Long> TAG_ARTICLE_ID = ARTICLE_TAG.ARTICLE_ID;

	static final Field<String> TAG = ARTICLE_TAG.TAG;

	private static final List<Field<?>> SUMMARY_FIELDS = List.of(ID, SLUG, KIND, TITLE, LEAD, AUTHOR_NAME, PUBLISHED_AT,
			COVER_PHOTO_ID);

	private static final List<Field<?>> ALL_FIELDS = List.of(ID, SLUG, KIND, TITLE, LEAD, BODY, BODY_HTML, AUTHOR_ID,
			AUTHOR_NAME, STATUS, PUBLISHED_AT, UPDATED_AT, SOURCE_NAME, SOURCE_URL, COVER_PHOTO_ID, COMMENT_STATUS);

	private static final String TOPIC = "publishing.articles";

	/**
	 * Articles by slug, for what is asked on every comment post and page view. Every
	 * write here forgets them all (writes are rare), once at once and once after the
	 * commit, so a read that overlapped the write is not kept; other nodes forget them
	 * when they hear of it. The expiry bounds what a writer outside this class could
	 * leave.
	 */
	private final Cache<String, Optional<Article>> bySlug = Caffeine.newBuilder()
		.expireAfterWrite(Duration.ofSeconds(30))
		.maximumSize(2_000)
		.build();

	private final DSLContext db;

	private final Cluster cluster;

	Articles(DSLContext db, Cluster cluster) {
		this.db = db;
		this.cluster = cluster;
		cluster.listen(TOPIC, any -> bySlug.invalidateAll());
	}

	/** What readers may see at this instant: published, or scheduled and due. */
	static Condition visibleAt(Instant now) {
		return STATUS.in(Article.Status.PUBLISHED.name(), Article.Status.SCHEDULED.name())
			.and(PUBLISHED_AT.le(now.toEpochMilli()));
	}

	/**
	 * What is written into an article's row: its schedule's status and publication time
	 * (the update time is the writer's instant).
	 */
	public record Row(String slug, Article.Kind kind, Article.Copy copy, Article.Byline byline, Article.Status status,
			Instant publishedAt, Long coverPhotoId) {
	}

	public long add(Row row, Instant now) {
		changed();
		return db.insertInto(ARTICLE)
			.set(values(row))
			.set(CREATED_AT, now.toEpochMilli())
			.set(UPDATED_AT, now.toEpochMilli())
			.returningResult(ID)
			.fetchOne(ID);
	}

	/** An article brought in from another platform, with the dates it had there. */
	public long add(Row row, Instant createdAt, Instant updatedAt) {
		changed();
		return db.insertInto(ARTICLE)
			.set(values(row))
			.set(CREATED_AT, createdAt.toEpochMilli())
			.set(UPDATED_AT, updatedAt.toEpochMilli())
			.returningResult(ID)
			.fetchOne(ID);
	}

	/** The first article that names this link as its source. */
	public Optional<Article> bySourceUrl(String url) {
		return db.select(ID)
			.from(ARTICLE)
			.where(SOURCE_URL.eq(url))
			.orderBy(ID)
			.limit(1)
			.fetchOptional(ID)
			.flatMap(this::byId);
	}

	public void update(long id, Row row, Instant now) {
		changed();
		db.update(ARTICLE).set(values(row)).set(UPDATED_AT, now.toEpochMilli()).where(ID.eq(id)).execute();
	}

	private static Map<Field<?>, Object> values(Row row) {
		var values = new java.util.HashMap<Field<?>, Object>();
		values.put(SLUG, row.slug());
		values.put(KIND, row.kind().name());
		values.put(TITLE, row.copy().title());
		values.put(LEAD, row.copy().lead());
		values.put(BODY, row.copy().body());
		values.put(BODY_HTML, row.copy().bodyHtml());
		values.put(AUTHOR_ID, row.byline().authorId());
		values.put(AUTHOR_NAME, row.byline().authorName());
		values.put(STATUS, row.status().name());
		values.put(PUBLISHED_AT, row.publishedAt() == null ? null : row.publishedAt().toEpochMilli());
		Article.Source source = row.byline().source();
		values.put(SOURCE_NAME, source == null ? null : source.name());
		values.put(SOURCE_URL, source == null ? null : source.url());
		values.put(COVER_PHOTO_ID, row.coverPhotoId());
		return values;
	}

	public void replaceTags(long id, Collection<String> tags) {
		changed();
		db.deleteFrom(ARTICLE_TAG).where(TAG_ARTICLE_ID.eq(id)).execute();
		if (!tags.isEmpty()) {
			var insert = db.insertInto(ARTICLE_TAG).columns(TAG_ARTICLE_ID, TAG);
			for (String tag : tags) {
				insert = insert.values(id, tag);
			}
			insert.execute();
		}
	}

	public boolean slugTaken(String slug, Long exceptId) {
		Condition condition = SLUG.eq(slug);
		if (exceptId != null) {
			condition = condition.and(ID.ne(exceptId));
		}
		return db.fetchExists(ARTICLE, condition);
	}

	public Optional<Article> byId(long id) {
		return one(ID.eq(id));
	}

	public Optional<Article> bySlug(String slug) {
		return bySlug.get(slug, key -> one(SLUG.eq(key)));
	}

	/**
	 * Forgets the kept articles here now and after the commit, and on the other nodes
	 * after it.
	 */
	private void changed() {
		bySlug.invalidateAll();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					bySlug.invalidateAll();
				}
			});
		}
		cluster.tellAfterCommit(TOPIC, "");
	}

	private Optional<Article> one(Condition condition) {
		return db.select(ALL_FIELDS)
			.from(ARTICLE)
			.where(condition)
			.fetchOptional()
			.map(r -> article(r, tagsOf(List.of(r.get(ID))).getOrDefault(r.get(ID), List.of())));
	}

	/**
	 * Pages of other sites discussed here are articles too, but no listing shows them.
	 */
	static Condition listedAt(Instant now) {
		return visibleAt(now).and(KIND.ne(Article.Kind.EXTERNAL_PAGE.name()));
	}

	public List<ArticleSummary> visible(Instant now, String tag, int offset, int limit) {
		var query = db.select(SUMMARY_FIELDS).from(ARTICLE).where(listedAt(now));
		if (tag != null) {
			query = query.and(ID.in(db.select(TAG_ARTICLE_ID).from(ARTICLE_TAG).where(TAG.eq(tag))));
		}
		return summaries(query.orderBy(PUBLISHED_AT.desc(), ID.desc()).limit(limit).offset(offset).fetch());
	}

	public long countVisible(Instant now, String tag) {
		Condition condition = listedAt(now);
		if (tag != null) {
			condition = condition.and(ID.in(db.select(TAG_ARTICLE_ID).from(ARTICLE_TAG).where(TAG.eq(tag))));
		}
		return db.fetchCount(ARTICLE, condition);
	}

	/** What one author has published, newest first: the author's feed. */
	public List<ArticleSummary> visibleBy(Instant now, long authorId, int offset, int limit) {
		return summaries(db.select(SUMMARY_FIELDS)
			.from(ARTICLE)
			.where(visibleAt(now).and(AUTHOR_ID.eq(authorId)))
			.orderBy(PUBLISHED_AT.desc(), ID.desc())
			.limit(limit)
			.offset(offset)
			.fetch());
	}

	/** Listed articles of one kind, newest first: the front page's photo stories. */
	public List<ArticleSummary> visibleOfKind(Instant now, Article.Kind kind, int limit) {
		return summaries(db.select(SUMMARY_FIELDS)
			.from(ARTICLE)
			.where(listedAt(now).and(KIND.eq(kind.name())))
			.orderBy(PUBLISHED_AT.desc(), ID.desc())
			.limit(limit)
			.fetch());
	}

	/**
	 * The tags of listed articles, most used first (then by name): the front page's tag
	 * menu.
	 */
	public List<String> topTags(Instant now, int limit) {
		var uses = DSL.count();
		return db.select(TAG, uses)
			.from(ARTICLE_TAG)
			.join(ARTICLE)
			.on(ID.eq(TAG_ARTICLE_ID))
			.where(listedAt(now))
			.groupBy(TAG)
			.orderBy(uses.desc(), TAG)
			.limit(limit)
			.fetch(TAG);
	}

	/**
	 * Listed articles matching the query, best first, with a marked snippet. SQLite: the
	 * FTS5 index kept by triggers (V61); PostgreSQL: the expression index of V61, whose
	 * expression {@link #VECTOR} repeats.
	 */
	public List<ArticleHit> search(Instant now, SearchQuery query, int offset, int limit) {
		var fields = new ArrayList<Field<?>>(SUMMARY_FIELDS);
		Field<String> snippet;
		org.jooq.SelectConditionStep<Record> select;
		if (postgres()) {
			snippet = DSL.field("ts_headline(" + CONFIG + ", " + DOCUMENT + ", " + TSQUERY + ", {2})", String.class,
					DSL.val(query.plain()), DSL.val(query.prefixes()), DSL.val(HEADLINE));
			fields.add(snippet);
			select = db.select(fields).from(ARTICLE).where(listedAt(now)).and(matches(query));
			return hits(
					select
						.orderBy(
								DSL.field("ts_rank(" + VECTOR + ", " + TSQUERY + ")", Double.class,
										DSL.val(query.plain()), DSL.val(query.prefixes()))
									.desc(),
								PUBLISHED_AT.desc(), ID.desc())
						.limit(limit)
						.offset(offset)
						.fetch(),
					snippet);
		}
		snippet = DSL.field("snippet(\"article_fts\", -1, {0}, {1}, '…', 24)", String.class, DSL.val(Snippet.START),
				DSL.val(Snippet.STOP));
		fields.add(snippet);
		select = db.select(fields)
			.from(FTS)
			.join(ARTICLE)
			.on(ID.eq(FTS_ROWID))
			.where(listedAt(now))
			.and(matches(query));
		return hits(select.orderBy(DSL.field("bm25(\"article_fts\", 10.0, 4.0, 1.0)"), PUBLISHED_AT.desc(), ID.desc())
			.limit(limit)
			.offset(offset)
			.fetch(), snippet);
	}

	public long countFound(Instant now, SearchQuery query) {
		if (postgres()) {
			return db.fetchCount(db.selectOne().from(ARTICLE).where(listedAt(now)).and(matches(query)));
		}
		return db.fetchCount(
				db.selectOne().from(FTS).join(ARTICLE).on(ID.eq(FTS_ROWID)).where(listedAt(now)).and(matches(query)));
	}

	private Condition matches(SearchQuery query) {
		if (postgres()) {
			return DSL.condition(VECTOR + " @@ " + TSQUERY, DSL.val(query.plain()), DSL.val(query.prefixes()));
		}
		return DSL.condition("\"article_fts\" MATCH {0}", DSL.val(query.fts5()));
	}

	private boolean postgres() {
		return db.dialect().family() == SQLDialect.POSTGRES;
	}

	private List<ArticleHit> hits(org.jooq.Result<Record> rows, Field<String> snippet) {
		var summaries = summaries(rows);
		var hits = new ArrayList<ArticleHit>();
		for (int i = 0; i < rows.size(); i++) {
			hits.add(new ArticleHit(summaries.get(i), Snippet.of(rows.get(i).get(snippet))));
		}
		return hits;
	}

	static final Table<Record> FTS = table(name("article_fts"));

	static final Field<Long> FTS_ROWID = field(name("article_fts", "rowid"), Long.class);

	private static final String DOCUMENT = "(\"article\".\"title\" || ' ' || \"article\".\"lead\" || ' ' || \"article\".\"body\")";

	private static final String UKRAINIAN = DOCUMENT + " ~ '[іїєґІЇЄҐ]'";

	/**
	 * The same expression as the index of V61 (PostgreSQL), or the planner would not use
	 * it.
	 */
	private static final String VECTOR = "(CASE WHEN " + UKRAINIAN + " THEN to_tsvector('simple'::regconfig, "
			+ DOCUMENT + ") ELSE to_tsvector('russian'::regconfig, " + DOCUMENT + ") END)";

	private static final String CONFIG = "(CASE WHEN " + UKRAINIAN
			+ " THEN 'simple'::regconfig ELSE 'russian'::regconfig END)";

	/**
	 * Stemmed words (Russian, and English for Latin letters), or any word beginning with
	 * a word's stem.
	 */
	private static final String TSQUERY = "(plainto_tsquery('russian'::regconfig, {0}) || to_tsquery('simple'::regconfig, {1}))";

	private static final String HEADLINE = "StartSel=" + Snippet.START + ", StopSel=" + Snippet.STOP
			+ ", MaxWords=35, MinWords=15";

	/** Those of the articles that readers may see now, by id. */
	public Map<Long, ArticleSummary> visibleAmong(Instant now, Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		var found = new java.util.HashMap<Long, ArticleSummary>();
		summaries(db.select(SUMMARY_FIELDS).from(ARTICLE).where(visibleAt(now).and(ID.in(ids))).fetch())
			.forEach(summary -> found.put(summary.id(), summary));
		return found;
	}

	/**
	 * When each visible article was published and last changed, newest first: the
	 * sitemap.
	 */
	public List<ArticleStamp> stamps(Instant now, int offset, int limit) {
		return db.select(SLUG, PUBLISHED_AT, UPDATED_AT)
			.from(ARTICLE)
			.where(listedAt(now))
			.orderBy(PUBLISHED_AT.desc(), ID.desc())
			.limit(limit)
			.offset(offset)
			.fetch(r -> new ArticleStamp(r.get(SLUG), instant(r.get(PUBLISHED_AT)), instant(r.get(UPDATED_AT))));
	}

	/**
	 * Everything, drafts included, newest change first: the editor's list; only one
	 * author's with authorId.
	 */
	public List<Article> all(Long authorId, int offset, int limit) {
		Condition condition = authorId == null ? noCondition() : AUTHOR_ID.eq(authorId);
		var rows = db.select(ALL_FIELDS)
			.from(ARTICLE)
			.where(condition)
			.orderBy(UPDATED_AT.desc(), ID.desc())
			.limit(limit)
			.offset(offset)
			.fetch();
		var tags = tagsOf(rows.map(r -> r.get(ID)));
		return rows.map(r -> article(r, tags.getOrDefault(r.get(ID), List.of())));
	}

	public long count() {
		return db.fetchCount(ARTICLE);
	}

	/**
	 * Every article, drafts included, in id order after the given id: a page of an
	 * export.
	 */
	public List<Article> after(long afterId, int limit) {
		var rows = db.select(ALL_FIELDS).from(ARTICLE).where(ID.gt(afterId)).orderBy(ID).limit(limit).fetch();
		var tags = tagsOf(rows.map(r -> r.get(ID)));
		return rows.map(r -> article(r, tags.getOrDefault(r.get(ID), List.of())));
	}

	public long countBy(long authorId) {
		return db.fetchCount(ARTICLE, AUTHOR_ID.eq(authorId));
	}

	/** Scheduled articles whose time has come, to announce them. */
	public List<Long> dueScheduled(Instant now) {
		return db.select(ID)
			.from(ARTICLE)
			.where(STATUS.eq(Article.Status.SCHEDULED.name()).and(PUBLISHED_AT.le(now.toEpochMilli())))
			.fetch(ID);
	}

	public void setCover(long id, Long photoId, Instant now) {
		changed();
		db.update(ARTICLE).set(COVER_PHOTO_ID, photoId).set(UPDATED_AT, now.toEpochMilli()).where(ID.eq(id)).execute();
	}

	public void setDiscussion(long id, Article.Discussion discussion, Instant now) {
		changed();
		db.update(ARTICLE)
			.set(COMMENT_STATUS, discussion.param())
			.set(UPDATED_AT, now.toEpochMilli())
			.where(ID.eq(id))
			.execute();
	}

	public void markPublished(long id) {
		changed();
		db.update(ARTICLE).set(STATUS, Article.Status.PUBLISHED.name()).where(ID.eq(id)).execute();
	}

	private List<ArticleSummary> summaries(org.jooq.Result<? extends Record> rows) {
		var tags = tagsOf(rows.map(r -> r.get(ID)));
		return rows.map(r -> new ArticleSummary(r.get(ID), r.get(SLUG), Article.Kind.valueOf(r.get(KIND)), r.get(TITLE),
				r.get(LEAD), r.get(AUTHOR_NAME), instant(r.get(PUBLISHED_AT)), r.get(COVER_PHOTO_ID),
				tags.getOrDefault(r.get(ID), List.of())));
	}

	private Map<Long, List<String>> tagsOf(List<Long> ids) {
		var tags = new java.util.HashMap<Long, List<String>>();
		if (ids.isEmpty()) {
			return tags;
		}
		db.select(TAG_ARTICLE_ID, TAG)
			.from(ARTICLE_TAG)
			.where(TAG_ARTICLE_ID.in(ids))
			.orderBy(TAG)
			.forEach(r -> tags.computeIfAbsent(r.get(TAG_ARTICLE_ID), k -> new ArrayList<>()).add(r.get(TAG)));
		return tags;
	}

	private static Article article(Record r, List<String> tags) {
		String sourceName = r.get(SOURCE_NAME);
		return new Article(r.get(ID), r.get(SLUG), Article.Kind.valueOf(r.get(KIND)),
				new Article.Copy(r.get(TITLE), r.get(LEAD), r.get(BODY), r.get(BODY_HTML)),
				new Article.Byline(r.get(AUTHOR_ID), r.get(AUTHOR_NAME),
						sourceName == null ? null : new Article.Source(sourceName, r.get(SOURCE_URL))),
				new Article.Schedule(Article.Status.valueOf(r.get(STATUS)), instant(r.get(PUBLISHED_AT)),
						instant(r.get(UPDATED_AT))),
				r.get(COVER_PHOTO_ID), tags, Article.Discussion.parse(r.get(COMMENT_STATUS)));
	}

	private static Instant instant(Long millis) {
		return millis == null ? null : Instant.ofEpochMilli(millis);
	}

}
