package org.veche.importer.internal;

import java.time.Instant;
import java.util.Optional;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.springframework.stereotype.Repository;
import org.veche.schema.tables.OldPermalink;

/**
 * The old_permalink table: addresses of the old site, in {@link OldAddresses}' spelling,
 * and their article.
 */
@Repository
public class OldPermalinks {

	static final OldPermalink OLD_PERMALINK = OldPermalink.OLD_PERMALINK;

	static final Field<String> PATH = OLD_PERMALINK.PATH;

	static final Field<Long> ARTICLE_ID = OLD_PERMALINK.ARTICLE_ID;

	static final Field<Long> CREATED_AT = OLD_PERMALINK.CREATED_AT;

	private final DSLContext db;

	OldPermalinks(DSLContext db) {
		this.db = db;
	}

	public Optional<Long> article(String path) {
		return db.select(ARTICLE_ID).from(OLD_PERMALINK).where(PATH.eq(path)).fetchOptional(ARTICLE_ID);
	}

	public boolean any() {
		return db.fetchExists(OLD_PERMALINK);
	}

	/**
	 * Keeps the first article an address was given to: a second export cannot take over
	 * an old address.
	 */
	public boolean remember(String path, long articleId, Instant now) {
		if (article(path).isPresent()) {
			return false;
		}
		db.insertInto(OLD_PERMALINK)
			.set(PATH, path)
			.set(ARTICLE_ID, articleId)
			.set(CREATED_AT, now.toEpochMilli())
			.execute();
		return true;
	}

}
