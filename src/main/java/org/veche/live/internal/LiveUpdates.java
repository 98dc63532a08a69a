package org.veche.live.internal;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.time.Instant;
import java.util.Optional;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.springframework.stereotype.Repository;
import org.veche.live.LiveBlogView;
import org.veche.live.LiveUpdate;

/**
 * The live_blog and live_update tables.
 */
@Repository
public class LiveUpdates {

	static final Table<Record> BLOG = table(name("live_blog"));

	static final Field<Long> BLOG_ARTICLE_ID = field(name("live_blog", "article_id"), Long.class);

	static final Field<Long> STARTED_AT = field(name("live_blog", "started_at"), Long.class);

	static final Field<Long> ENDED_AT = field(name("live_blog", "ended_at"), Long.class);

	static final Table<Record> UPDATE = table(name("live_update"));

	static final Field<Long> ID = field(name("live_update", "id"), Long.class);

	static final Field<Long> ARTICLE_ID = field(name("live_update", "article_id"), Long.class);

	static final Field<String> BODY = field(name("live_update", "body"), String.class);

	static final Field<String> BODY_HTML = field(name("live_update", "body_html"), String.class);

	static final Field<Long> AUTHOR_ID = field(name("live_update", "author_id"), Long.class);

	static final Field<String> AUTHOR_NAME = field(name("live_update", "author_name"), String.class);

	static final Field<Long> CREATED_AT = field(name("live_update", "created_at"), Long.class);

	private final DSLContext db;

	LiveUpdates(DSLContext db) {
		this.db = db;
	}

	/** The blog with its newest updates first, at most limit of them. */
	public LiveBlogView view(long articleId, int limit) {
		var blog = db.select(STARTED_AT, ENDED_AT).from(BLOG).where(BLOG_ARTICLE_ID.eq(articleId)).fetchOne();
		var updates = db.select(ID, ARTICLE_ID, BODY, BODY_HTML, AUTHOR_NAME, CREATED_AT)
			.from(UPDATE)
			.where(ARTICLE_ID.eq(articleId))
			.orderBy(ID.desc())
			.limit(limit)
			.fetch(LiveUpdates::update);
		if (blog == null) {
			return updates.isEmpty() ? LiveBlogView.NONE : new LiveBlogView(null, null, updates);
		}
		return new LiveBlogView(instant(blog.get(STARTED_AT)), instant(blog.get(ENDED_AT)), updates);
	}

	/** Switches the blog on (again): a restart keeps its updates and clears the end. */
	public void start(long articleId, Instant now) {
		int changed = db.update(BLOG).set(STARTED_AT, now.toEpochMilli()).setNull(ENDED_AT).where(BLOG_ARTICLE_ID.eq(articleId)).execute();
		if (changed == 0) {
			db.insertInto(BLOG).set(BLOG_ARTICLE_ID, articleId).set(STARTED_AT, now.toEpochMilli()).execute();
		}
	}

	public void end(long articleId, Instant now) {
		db.update(BLOG).set(ENDED_AT, now.toEpochMilli()).where(BLOG_ARTICLE_ID.eq(articleId).and(ENDED_AT.isNull())).execute();
	}

	public boolean running(long articleId) {
		return db.fetchExists(BLOG, BLOG_ARTICLE_ID.eq(articleId).and(ENDED_AT.isNull()));
	}

	public LiveUpdate add(long articleId, String body, String bodyHtml, Long authorId, String authorName, Instant now) {
		long id = db.insertInto(UPDATE)
			.set(ARTICLE_ID, articleId)
			.set(BODY, body)
			.set(BODY_HTML, bodyHtml)
			.set(AUTHOR_ID, authorId)
			.set(AUTHOR_NAME, authorName)
			.set(CREATED_AT, now.toEpochMilli())
			.returningResult(ID)
			.fetchOne(ID);
		return new LiveUpdate(id, articleId, body, bodyHtml, authorName, Instant.ofEpochMilli(now.toEpochMilli()));
	}

	public Optional<LiveUpdate> byId(long id) {
		return db.select(ID, ARTICLE_ID, BODY, BODY_HTML, AUTHOR_NAME, CREATED_AT).from(UPDATE).where(ID.eq(id)).fetchOptional(LiveUpdates::update);
	}

	public boolean remove(long id) {
		return db.deleteFrom(UPDATE).where(ID.eq(id)).execute() > 0;
	}

	private static LiveUpdate update(Record r) {
		return new LiveUpdate(r.get(ID), r.get(ARTICLE_ID), r.get(BODY), r.get(BODY_HTML), r.get(AUTHOR_NAME),
				Instant.ofEpochMilli(r.get(CREATED_AT)));
	}

	private static Instant instant(Long millis) {
		return millis == null ? null : Instant.ofEpochMilli(millis);
	}

}
