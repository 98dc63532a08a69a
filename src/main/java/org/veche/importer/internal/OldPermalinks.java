package org.veche.importer.internal;

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

/**
 * The old_permalink table: addresses of the old site, in {@link OldAddresses}' spelling, and their article.
 */
@Repository
public class OldPermalinks {

	static final Table<Record> OLD_PERMALINK = table(name("old_permalink"));

	static final Field<String> PATH = field(name("old_permalink", "path"), String.class);

	static final Field<Long> ARTICLE_ID = field(name("old_permalink", "article_id"), Long.class);

	static final Field<Long> CREATED_AT = field(name("old_permalink", "created_at"), Long.class);

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

	/** Keeps the first article an address was given to: a second export cannot take over an old address. */
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
