package org.veche.embed.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.springframework.stereotype.Repository;
import org.veche.schema.tables.EmbeddedPage;

/**
 * The embedded_page table: which normalised page address is discussed in which article.
 */
@Repository
public class Pages {

	static final EmbeddedPage PAGE = EmbeddedPage.EMBEDDED_PAGE;

	static final Field<Long> ID = PAGE.ID;

	static final Field<String> URL = PAGE.URL;

	static final Field<String> ORIGIN = PAGE.ORIGIN;

	static final Field<Long> ARTICLE_ID = PAGE.ARTICLE_ID;

	static final Field<Long> CREATED_AT = PAGE.CREATED_AT;

	private final DSLContext db;

	Pages(DSLContext db) {
		this.db = db;
	}

	public record Row(long id, String url, String origin, long articleId, Instant createdAt) {
	}

	public Optional<Row> byUrl(String url) {
		return db.select(ID, URL, ORIGIN, ARTICLE_ID, CREATED_AT)
			.from(PAGE)
			.where(URL.eq(url))
			.fetchOptional(Pages::row);
	}

	public List<Row> byUrls(Collection<String> urls) {
		return db.select(ID, URL, ORIGIN, ARTICLE_ID, CREATED_AT).from(PAGE).where(URL.in(urls)).fetch(Pages::row);
	}

	/** Adds the page; false when another request added the same address first. */
	public boolean add(String url, String origin, long articleId, Instant now) {
		return db.insertInto(PAGE)
			.columns(URL, ORIGIN, ARTICLE_ID, CREATED_AT)
			.values(url, origin, articleId, now.toEpochMilli())
			.onConflictDoNothing()
			.execute() == 1;
	}

	private static Row row(Record r) {
		return new Row(r.get(ID), r.get(URL), r.get(ORIGIN), r.get(ARTICLE_ID),
				Instant.ofEpochMilli(r.get(CREATED_AT)));
	}

}
