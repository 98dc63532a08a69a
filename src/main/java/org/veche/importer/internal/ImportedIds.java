package org.veche.importer.internal;

import java.time.Instant;
import java.util.Optional;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.springframework.stereotype.Repository;
import org.veche.schema.tables.ImportMapping;

/**
 * The import_mapping table: which record of an export became which article, comment or
 * photo.
 */
@Repository
public class ImportedIds {

	static final ImportMapping MAPPING = ImportMapping.IMPORT_MAPPING;

	static final Field<String> SOURCE = MAPPING.SOURCE;

	static final Field<String> KIND = MAPPING.KIND;

	static final Field<String> SOURCE_ID = MAPPING.SOURCE_ID;

	static final Field<Long> TARGET_ID = MAPPING.TARGET_ID;

	static final Field<Long> CREATED_AT = MAPPING.CREATED_AT;

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

	/**
	 * An article imported from any export under this id, e.g. the WordPress post a Disqus
	 * thread names.
	 */
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
