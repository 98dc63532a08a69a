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
 * The import_mapping table: which record of an export became which article, comment or photo.
 */
@Repository
public class ImportedIds {

	static final Table<Record> MAPPING = table(name("import_mapping"));

	static final Field<String> SOURCE = field(name("import_mapping", "source"), String.class);

	static final Field<String> KIND = field(name("import_mapping", "kind"), String.class);

	static final Field<String> SOURCE_ID = field(name("import_mapping", "source_id"), String.class);

	static final Field<Long> TARGET_ID = field(name("import_mapping", "target_id"), Long.class);

	static final Field<Long> CREATED_AT = field(name("import_mapping", "created_at"), Long.class);

	/** What a mapping points at. */
	public enum Kind {

		ARTICLE, COMMENT, PHOTO

	}

	private final DSLContext db;

	ImportedIds(DSLContext db) {
		this.db = db;
	}

	public Optional<Long> find(String source, Kind kind, String sourceId) {
		return db.select(TARGET_ID)
			.from(MAPPING)
			.where(SOURCE.eq(source).and(KIND.eq(kind.name())).and(SOURCE_ID.eq(sourceId)))
			.fetchOptional(TARGET_ID);
	}

	/** An article imported from any export under this id, e.g. the WordPress post a Disqus thread names. */
	public Optional<Long> anyArticle(String sourcePrefix, String sourceId) {
		return db.select(TARGET_ID)
			.from(MAPPING)
			.where(SOURCE.startsWith(sourcePrefix).and(KIND.eq(Kind.ARTICLE.name())).and(SOURCE_ID.eq(sourceId)))
			.orderBy(CREATED_AT)
			.limit(1)
			.fetchOptional(TARGET_ID);
	}

	public void remember(String source, Kind kind, String sourceId, long targetId, Instant now) {
		db.insertInto(MAPPING)
			.set(SOURCE, source)
			.set(KIND, kind.name())
			.set(SOURCE_ID, sourceId)
			.set(TARGET_ID, targetId)
			.set(CREATED_AT, now.toEpochMilli())
			.execute();
	}

}
