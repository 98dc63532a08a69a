package org.veche.live.internal;

import java.time.Instant;
import java.util.Optional;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.springframework.stereotype.Repository;
import org.veche.live.LiveBlogView;
import org.veche.live.LiveUpdate;
import org.veche.schema.tables.LiveBlog;

/**
 * The live_blog and live_update tables.
 */
@Repository
public class LiveUpdates {

	static final LiveBlog BLOG = LiveBlog.LIVE_BLOG;

	static final Field<Long> BLOG_ARTICLE_ID = BLOG.ARTICLE_ID;

	static final Field<Long> STARTED_AT = BLOG.STARTED_AT;

	static final Field<Long> ENDED_AT = BLOG.ENDED_AT;

	static final org.veche.schema.tables.LiveUpdate UPDATE = org.veche.schema.tables.LiveUpdate.LIVE_UPDATE;

	static final Field<Long> ID = UPDATE.ID;

	static final Field<Long> ARTICLE_ID = UPDATE.ARTICLE_ID;

	static final Field<String> BODY = UPDATE.BODY;

	static final Field<String> BODY_HTML = UPDATE.BODY_HTML;

	static final Field<Long> AUTHOR_ID = UPDATE.AUTHOR_ID;

	static final Field<String> AUTHOR_NAME = UPDATE.AUTHOR_NAME;

	static final Field<Long> CREATED_AT = UPDATE.CREATED_AT;

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
		int changed = db.update(BLOG)
			.set(STARTED_AT, now.toEpochMilli())
			.setNull(ENDED_AT)
			.where(BLOG_ARTICLE_ID.eq(articleId))
			.execute();
		if (changed == 0) {
			db.insertInto(BLOG).set(BLOG_ARTICLE_ID, articleId).set(STARTED_AT, now.toEpochMilli()).execute();
		}
	}

	public void end(long articleId, Instant now) {
		db.update(BLOG)
			.set(ENDED_AT, now.toEpochMilli())
			.where(BLOG_ARTICLE_ID.eq(articleId).and(ENDED_AT.isNull()))
			.execute();
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
		return db.select(ID, ARTICLE_ID, BODY, BODY_HTML, AUTHOR_NAME, CREATED_AT)
			.from(UPDATE)
			.where(ID.eq(id))
			.fetchOptional(LiveUpdates::update);
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
