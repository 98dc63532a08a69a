package org.veche.discussion.internal;

import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.veche.discussion.Comment;
import org.veche.discussion.CommentAuthor;
import org.veche.discussion.CommentHit;
import org.veche.discussion.CommentKind;
import org.veche.discussion.CommentStatus;
import org.veche.site.SearchQuery;
import org.veche.site.Snippet;

/**
 * The comment table.
 */
@Repository
public class Comments {

	static final org.veche.schema.tables.Comment COMMENT = org.veche.schema.tables.Comment.COMMENT;

	static final Field<Long> ID = COMMENT.ID;

	static final Field<Long> ARTICLE_ID = COMMENT.ARTICLE_ID;

	static final Field<Long> PARENT_ID = COMMENT.PARENT_ID;

	static final Field<Integer> DEPTH = COMMENT.DEPTH;

	static final Field<String> AUTHOR_NAME = COMMENT.AUTHOR_NAME;

	static final Field<String> AUTHOR_EMAIL = COMMENT.AUTHOR_EMAIL;

	static final Field<String> AUTHOR_URL = COMMENT.AUTHOR_URL;

	static final Field<Long> ACCOUNT_ID = COMMENT.ACCOUNT_ID;

	static final Field<String> BODY = COMMENT.BODY;

	static final Field<String> BODY_HTML = COMMENT.BODY_HTML;

	static final Field<String> STATUS = COMMENT.STATUS;

	static final Field<Long> CREATED_AT = COMMENT.CREATED_AT;

	static final Field<String> ADDRESS_HASH = COMMENT.ADDRESS_HASH;

	static final Field<Integer> LIKES = COMMENT.LIKES;

	static final Field<String> KIND = COMMENT.KIND;

	static final Field<Long> EDITED_AT = COMMENT.EDITED_AT;

	static final Field<Long> DELETED_AT = COMMENT.DELETED_AT;

	static final Field<Long> FEATURED_AT = COMMENT.FEATURED_AT;

	static final org.veche.schema.tables.CommentRevision REVISION = org.veche.schema.tables.CommentRevision.COMMENT_REVISION;

	static final Field<Long> REVISION_ID = REVISION.ID;

	static final Field<Long> REVISION_COMMENT = REVISION.COMMENT_ID;

	static final Field<String> REVISION_BODY = REVISION.BODY;

	static final Field<Long> REVISION_REPLACED_AT = REVISION.REPLACED_AT;

	private static final List<Field<?>> FIELDS = List.of(ID, ARTICLE_ID, PARENT_ID, DEPTH, AUTHOR_NAME, AUTHOR_URL,
			ACCOUNT_ID, BODY, BODY_HTML, STATUS, CREATED_AT, LIKES, KIND, EDITED_AT, DELETED_AT, FEATURED_AT);

	private final DSLContext db;

	private final JdbcClient jdbc;

	Comments(DSLContext db, JdbcClient jdbc) {
		this.db = db;
		this.jdbc = jdbc;
	}

	public record NewRow(long articleId, Long parentId, int depth, String authorName, String authorEmail,
			String authorUrl, Long accountId, String body, String bodyHtml, CommentStatus status, Instant createdAt,
			String addressHash) {
	}

	public long add(NewRow row) {
		return add(row, CommentKind.COMMENT);
	}

	public long add(NewRow row, CommentKind kind) {
		// every post runs this: plain SQL through Spring's JdbcClient on the
		// transaction's connection, as jOOQ would render the same statement afresh each
		// time (about half of the insert's cost)
		return jdbc.sql(INSERT)
			.params(row.articleId(), row.parentId(), row.depth(), row.authorName(), row.authorEmail(), row.authorUrl(),
					row.accountId(), row.body(), row.bodyHtml(), row.status().name(), row.createdAt().toEpochMilli(),
					row.addressHash(), kind.name())
			.query(Long.class)
			.single();
	}

	/** Stores a new comment and gives it back as a later read of its row would. */
	public Comment added(NewRow row) {
		long id = add(row, CommentKind.COMMENT);
		return new Comment(id, row.articleId(), row.parentId(), row.depth(), row.authorName(), row.authorUrl(),
				row.accountId(), row.body(), row.bodyHtml(), row.status(),
				Instant.ofEpochMilli(row.createdAt().toEpochMilli()), 0, CommentKind.COMMENT);
	}

	private static final String INSERT = "insert into comment (article_id, parent_id, depth, author_name, author_email, "
			+ "author_url, account_id, body, body_html, status, created_at, address_hash, kind) "
			+ "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id";

	public Optional<Comment> byId(long id) {
		// asked several times for every post (the parent, the live stream after the
		// commit): plain SQL
		return jdbc.sql(BY_ID).param(id).query(Comments::commentAt).optional();
	}

	private static final String BY_ID = "select " + String.join(", ", FIELDS.stream().map(Field::getName).toList())
			+ " from comment where id = ?";

	/** A row of {@link #FIELDS}, read by position. */
	private static Comment commentAt(ResultSet r, int row) throws SQLException {
		return new Comment(r.getLong(1), r.getLong(2), new Comment.Place(nullableLong(r, 3), r.getInt(4)),
				new Comment.Byline(r.getString(5), r.getString(6), nullableLong(r, 7)),
				new Comment.Text(r.getString(8), r.getString(9)), CommentStatus.valueOf(r.getString(10)),
				Instant.ofEpochMilli(r.getLong(11)), r.getInt(12), CommentKind.valueOf(r.getString(13)),
				new Comment.Changes(nullableInstant(r, 14), nullableLong(r, 15) != null, nullableInstant(r, 16)));
	}

	private static Long nullableLong(ResultSet r, int column) throws SQLException {
		long value = r.getLong(column);
		return r.wasNull() ? null : value;
	}

	private static Instant nullableInstant(ResultSet r, int column) throws SQLException {
		Long value = nullableLong(r, column);
		return value == null ? null : Instant.ofEpochMilli(value);
	}

	public boolean writtenBy(long id, String email) {
		return db.fetchExists(COMMENT, ID.eq(id).and(AUTHOR_EMAIL.eq(email)));
	}

	/**
	 * Every approved comment of an article in the order they were written: one query for
	 * a whole thread.
	 */
	public List<Comment> approved(long articleId) {
		return db.select(FIELDS)
			.from(COMMENT)
			.where(ARTICLE_ID.eq(articleId).and(STATUS.eq(CommentStatus.APPROVED.name())))
			.orderBy(ID)
			.fetch(Comments::comment);
	}

	/**
	 * Who may be mentioned in a comment of this article: each name under which an
	 * approved, undeleted comment was written before {@code beforeId}, with the id of the
	 * latest such comment. One grouped read per thread.
	 */
	public Map<String, Long> mentionable(long articleId, long beforeId) {
		Field<Long> latest = DSL.max(ID).as("latest");
		var found = new java.util.LinkedHashMap<String, Long>();
		db.select(AUTHOR_NAME, latest)
			.from(COMMENT)
			.where(ARTICLE_ID.eq(articleId)
				.and(STATUS.eq(CommentStatus.APPROVED.name()))
				.and(DELETED_AT.isNull())
				.and(KIND.eq(CommentKind.COMMENT.name()))
				.and(ID.lt(beforeId)))
			.groupBy(AUTHOR_NAME)
			.fetch()
			.forEach(r -> {
				if (r.get(AUTHOR_NAME) != null) {
					found.merge(r.get(AUTHOR_NAME), r.get(latest), Math::max);
				}
			});
		return found;
	}

	/**
	 * The newest approved comments, of one article or (articleId null) of the whole site,
	 * older than beforeId.
	 */
	public List<Comment> newestApproved(Long articleId, long beforeId, int limit) {
		var condition = STATUS.eq(CommentStatus.APPROVED.name()).and(ID.lt(beforeId));
		if (articleId != null) {
			condition = condition.and(ARTICLE_ID.eq(articleId));
		}
		return db.select(FIELDS)
			.from(COMMENT)
			.where(condition)
			.orderBy(ID.desc())
			.limit(limit)
			.fetch(Comments::comment);
	}

	/**
	 * The articles with the most approved comments among the last {@code window} approved
	 * comments written since the given instant, most first: a bounded read (newest
	 * comments by id), whatever the size of the table.
	 */
	public List<Long> mostDiscussed(Instant since, int window, int limit) {
		var recent = db.select(ARTICLE_ID)
			.from(COMMENT)
			.where(STATUS.eq(CommentStatus.APPROVED.name()).and(CREATED_AT.ge(since.toEpochMilli())))
			.orderBy(ID.desc())
			.limit(window)
			.asTable("recent");
		Field<Long> article = recent.field(ARTICLE_ID.getName(), Long.class);
		var comments = DSL.count();
		return db.select(article, comments)
			.from(recent)
			.groupBy(article)
			.orderBy(comments.desc(), article.desc())
			.limit(limit)
			.fetch(article);
	}

	/**
	 * Approved comments holding every word of the query, best first, with a marked
	 * snippet. SQLite: the FTS5 index kept by triggers (V61); PostgreSQL: the expression
	 * index of V61, whose expression {@link #VECTOR} repeats. Whether the article is
	 * visible is the caller's question (publishing owns articles).
	 */
	public List<CommentHit> search(SearchQuery query, int offset, int limit) {
		var fields = new java.util.ArrayList<Field<?>>(FIELDS);
		Field<String> snippet;
		org.jooq.Result<Record> rows;
		if (postgres()) {
			snippet = DSL.field("ts_headline(" + CONFIG + ", \"comment\".\"body\", " + TSQUERY + ", {2})", String.class,
					DSL.val(query.plain()), DSL.val(query.prefixes()), DSL.val(HEADLINE));
			fields.add(snippet);
			rows = db.select(fields)
				.from(COMMENT)
				.where(STATUS.eq(CommentStatus.APPROVED.name()))
				.and(matches(query))
				.orderBy(DSL
					.field("ts_rank(" + VECTOR + ", " + TSQUERY + ")", Double.class, DSL.val(query.plain()),
							DSL.val(query.prefixes()))
					.desc(), ID.desc())
				.limit(limit)
				.offset(offset)
				.fetch();
		}
		else {
			snippet = DSL.field("snippet(\"comment_fts\", 0, {0}, {1}, '…', 24)", String.class, DSL.val(Snippet.START),
					DSL.val(Snippet.STOP));
			fields.add(snippet);
			rows = db.select(fields)
				.from(FTS)
				.join(COMMENT)
				.on(ID.eq(FTS_ROWID))
				.where(STATUS.eq(CommentStatus.APPROVED.name()))
				.and(matches(query))
				.orderBy(DSL.field("bm25(\"comment_fts\")"), ID.desc())
				.limit(limit)
				.offset(offset)
				.fetch();
		}
		return rows.map(r -> new CommentHit(comment(r), Snippet.of(r.get(snippet))));
	}

	public long countFound(SearchQuery query) {
		if (postgres()) {
			return db.fetchCount(
					db.selectOne().from(COMMENT).where(STATUS.eq(CommentStatus.APPROVED.name())).and(matches(query)));
		}
		return db.fetchCount(db.selectOne()
			.from(FTS)
			.join(COMMENT)
			.on(ID.eq(FTS_ROWID))
			.where(STATUS.eq(CommentStatus.APPROVED.name()))
			.and(matches(query)));
	}

	private Condition matches(SearchQuery query) {
		if (postgres()) {
			return DSL.condition(VECTOR + " @@ " + TSQUERY, DSL.val(query.plain()), DSL.val(query.prefixes()));
		}
		return DSL.condition("\"comment_fts\" MATCH {0}", DSL.val(query.fts5()));
	}

	private boolean postgres() {
		return db.dialect().family() == SQLDialect.POSTGRES;
	}

	static final Table<Record> FTS = table(name("comment_fts"));

	static final Field<Long> FTS_ROWID = field(name("comment_fts", "rowid"), Long.class);

	private static final String UKRAINIAN = "\"comment\".\"body\" ~ '[іїєґІЇЄҐ]'";

	/**
	 * The same expression as the index of V61 (PostgreSQL), or the planner would not use
	 * it.
	 */
	private static final String VECTOR = "(CASE WHEN " + UKRAINIAN
			+ " THEN to_tsvector('simple'::regconfig, \"comment\".\"body\") ELSE to_tsvector('russian'::regconfig, \"comment\".\"body\") END)";

	private static final String CONFIG = "(CASE WHEN " + UKRAINIAN
			+ " THEN 'simple'::regconfig ELSE 'russian'::regconfig END)";

	/**
	 * Stemmed words (Russian, and English for Latin letters), or any word beginning with
	 * a word's stem.
	 */
	private static final String TSQUERY = "(plainto_tsquery('russian'::regconfig, {0}) || to_tsquery('simple'::regconfig, {1}))";

	private static final String HEADLINE = "StartSel=" + Snippet.START + ", StopSel=" + Snippet.STOP
			+ ", MaxWords=35, MinWords=15";

	public Map<Long, Integer> approvedCounts(Collection<Long> articleIds) {
		if (articleIds.isEmpty()) {
			return Map.of();
		}
		return db.select(ARTICLE_ID, count())
			.from(COMMENT)
			.where(ARTICLE_ID.in(articleIds).and(STATUS.eq(CommentStatus.APPROVED.name())))
			.groupBy(ARTICLE_ID)
			.fetchMap(ARTICLE_ID, count());
	}

	/**
	 * When the address or e-mail last commented, for the flood limit; an empty e-mail is
	 * nobody's.
	 */
	public Optional<Instant> lastPostBy(String addressHash, String email) {
		if (addressHash != null && db.dialect().family() == SQLDialect.POSTGRES) {
			// nodes sharing the database: two posts from one address at once queue here
			// until the first commits, so the second sees it (SQLite's write transactions
			// queue anyway)
			db.select(DSL.field("pg_advisory_xact_lock(hashtext({0}))", Object.class, DSL.val(addressHash))).fetch();
		}
		boolean byEmail = email != null && !email.isEmpty();
		if (!byEmail && addressHash == null) {
			return Optional.empty();
		}
		// every post asks this and the next question: plain JDBC on the transaction's
		// connection, as jOOQ would render the same SQL afresh each time (a third of
		// these queries' cost)
		String sql = byEmail && addressHash != null ? LAST_BY_EMAIL_OR_ADDRESS
				: byEmail ? LAST_BY_EMAIL : LAST_BY_ADDRESS;
		Long last = db.connectionResult(connection -> {
			try (PreparedStatement statement = connection.prepareStatement(sql)) {
				int at = 1;
				if (byEmail) {
					statement.setString(at++, email);
				}
				if (addressHash != null) {
					statement.setString(at, addressHash);
				}
				try (ResultSet row = statement.executeQuery()) {
					if (!row.next()) {
						return null;
					}
					long value = row.getLong(1);
					return row.wasNull() ? null : Long.valueOf(value);
				}
			}
		});
		return Optional.ofNullable(last).map(Instant::ofEpochMilli);
	}

	private static final String LAST_BY_EMAIL_OR_ADDRESS = "select max(created_at) from comment where author_email = ? or address_hash = ?";

	private static final String LAST_BY_EMAIL = "select max(created_at) from comment where author_email = ?";

	private static final String LAST_BY_ADDRESS = "select max(created_at) from comment where address_hash = ?";

	private static final String APPROVED_BY_ACCOUNT = "select 1 from comment where account_id = ? and status = 'APPROVED' limit 1";

	private static final String APPROVED_BY_EMAIL = "select 1 from comment where author_email = ? and account_id is null and status = 'APPROVED' limit 1";

	/**
	 * Whether the account (or, for a guest, the e-mail) already has an approved comment.
	 */
	public boolean hasApproved(Long accountId, String email) {
		if (accountId == null && (email == null || email.isEmpty())) {
			return false;
		}
		// asked by every post: see lastPostBy
		return db.connectionResult(connection -> {
			try (PreparedStatement statement = connection
				.prepareStatement(accountId != null ? APPROVED_BY_ACCOUNT : APPROVED_BY_EMAIL)) {
				if (accountId != null) {
					statement.setLong(1, accountId);
				}
				else {
					statement.setString(1, email);
				}
				try (ResultSet row = statement.executeQuery()) {
					return row.next();
				}
			}
		});
	}

	private static Condition byAuthor(Long accountId, String email) {
		if (accountId != null) {
			return ACCOUNT_ID.eq(accountId);
		}
		return email == null || email.isEmpty() ? DSL.falseCondition()
				: AUTHOR_EMAIL.eq(email).and(ACCOUNT_ID.isNull());
	}

	public void setStatus(long id, CommentStatus status) {
		db.update(COMMENT).set(STATUS, status.name()).where(ID.eq(id)).execute();
	}

	public void setBody(long id, String body, String html) {
		db.update(COMMENT).set(BODY, body).set(BODY_HTML, html).where(ID.eq(id)).execute();
	}

	/**
	 * Its author's new text: the one it replaces is kept for moderators, with the time it
	 * was replaced.
	 */
	public void edit(long id, String oldBody, String body, String html, CommentStatus status, Instant at) {
		db.insertInto(REVISION)
			.set(REVISION_COMMENT, id)
			.set(REVISION_BODY, oldBody)
			.set(REVISION_REPLACED_AT, at.toEpochMilli())
			.execute();
		db.update(COMMENT)
			.set(BODY, body)
			.set(BODY_HTML, html)
			.set(STATUS, status.name())
			.set(EDITED_AT, at.toEpochMilli())
			.where(ID.eq(id))
			.execute();
	}

	/**
	 * Its author deleted it: the text goes (kept for moderators as the last revision),
	 * and the comment keeps its place only when someone answered it; else it goes to the
	 * trash.
	 */
	public void deleteByAuthor(long id, String oldBody, Instant at) {
		db.insertInto(REVISION)
			.set(REVISION_COMMENT, id)
			.set(REVISION_BODY, oldBody)
			.set(REVISION_REPLACED_AT, at.toEpochMilli())
			.execute();
		var update = db.update(COMMENT).set(BODY, "").set(BODY_HTML, "").set(DELETED_AT, at.toEpochMilli());
		if (!db.fetchExists(COMMENT, PARENT_ID.eq(id))) {
			update = update.set(STATUS, CommentStatus.TRASH.name());
		}
		update.where(ID.eq(id)).execute();
	}

	/** Makes the comment an editors' pick (at the instant), or no longer one (null). */
	public void setFeatured(long id, Instant at) {
		db.update(COMMENT).set(FEATURED_AT, at == null ? null : at.toEpochMilli()).where(ID.eq(id)).execute();
	}

	/** The texts a comment had before its author changed or deleted it, oldest first. */
	public List<org.veche.discussion.CommentRevision> revisions(long id) {
		return db.select(REVISION_BODY, REVISION_REPLACED_AT)
			.from(REVISION)
			.where(REVISION_COMMENT.eq(id))
			.orderBy(REVISION_ID)
			.fetch(r -> new org.veche.discussion.CommentRevision(r.value1(), Instant.ofEpochMilli(r.value2())));
	}

	/** The comments of an article this account wrote since the instant, not deleted. */
	public List<Long> recentBy(long articleId, long accountId, Instant since) {
		return db.select(ID)
			.from(COMMENT)
			.where(ARTICLE_ID.eq(articleId)
				.and(ACCOUNT_ID.eq(accountId))
				.and(CREATED_AT.ge(since.toEpochMilli()))
				.and(DELETED_AT.isNull()))
			.fetch(ID);
	}

	public List<Comment> withStatus(CommentStatus status, int offset, int limit) {
		return db.select(FIELDS)
			.from(COMMENT)
			.where(STATUS.eq(status.name()))
			.orderBy(ID.desc())
			.offset(offset)
			.limit(limit)
			.fetch(Comments::comment);
	}

	public Map<CommentStatus, Integer> statusCounts() {
		var counts = new EnumMap<CommentStatus, Integer>(CommentStatus.class);
		for (CommentStatus status : CommentStatus.values()) {
			counts.put(status, 0);
		}
		db.select(STATUS, count())
			.from(COMMENT)
			.groupBy(STATUS)
			.forEach(r -> counts.put(CommentStatus.valueOf(r.value1()), r.value2()));
		return counts;
	}

	public List<Comment> byIds(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return db.select(FIELDS).from(COMMENT).where(ID.in(ids)).orderBy(ID.desc()).fetch(Comments::comment);
	}

	public Optional<CommentAuthor> author(long id) {
		var row = db.select(ACCOUNT_ID, AUTHOR_EMAIL, ADDRESS_HASH).from(COMMENT).where(ID.eq(id)).fetchOne();
		if (row == null) {
			return Optional.empty();
		}
		Condition who = byAuthor(row.value1(), row.value2());
		Field<Integer> approved = count().filterWhere(STATUS.eq(CommentStatus.APPROVED.name()));
		Field<Integer> spam = count().filterWhere(STATUS.eq(CommentStatus.SPAM.name()));
		var history = db.select(approved, spam).from(COMMENT).where(who).fetchOne();
		return Optional
			.of(new CommentAuthor(id, row.value1(), row.value2(), row.value3(), history.value1(), history.value2()));
	}

	public int addLikes(long id, int delta) {
		db.update(COMMENT).set(LIKES, LIKES.plus(delta)).where(ID.eq(id)).execute();
		return db.select(LIKES).from(COMMENT).where(ID.eq(id)).fetchOne(LIKES);
	}

	private static Comment comment(Record r) {
		return new Comment(r.get(ID), r.get(ARTICLE_ID), new Comment.Place(r.get(PARENT_ID), r.get(DEPTH)),
				new Comment.Byline(r.get(AUTHOR_NAME), r.get(AUTHOR_URL), r.get(ACCOUNT_ID)),
				new Comment.Text(r.get(BODY), r.get(BODY_HTML)), CommentStatus.valueOf(r.get(STATUS)),
				Instant.ofEpochMilli(r.get(CREATED_AT)), r.get(LIKES), CommentKind.valueOf(r.get(KIND)),
				new Comment.Changes(r.get(EDITED_AT) == null ? null : Instant.ofEpochMilli(r.get(EDITED_AT)),
						r.get(DELETED_AT) != null,
						r.get(FEATURED_AT) == null ? null : Instant.ofEpochMilli(r.get(FEATURED_AT))));
	}

}
