package org.veche.media.internal;

import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.springframework.stereotype.Repository;
import org.veche.media.Photo;

/**
 * The photo table.
 */
@Repository
public class Photos {

	private static final Table<Record> PHOTO = table(name("photo"));

	private static final Field<Long> ID = field(name("photo", "id"), Long.class);

	private static final Field<Long> ARTICLE_ID = field(name("photo", "article_id"), Long.class);

	private static final Field<Integer> POSITION = field(name("photo", "position"), Integer.class);

	private static final Field<String> CAPTION = field(name("photo", "caption"), String.class);

	private static final Field<String> CREDIT = field(name("photo", "credit"), String.class);

	private static final Field<String> ALT = field(name("photo", "alt"), String.class);

	private static final Field<Integer> WIDTH = field(name("photo", "width"), Integer.class);

	private static final Field<Integer> HEIGHT = field(name("photo", "height"), Integer.class);

	private static final Field<String> STORAGE_KEY = field(name("photo", "storage_key"), String.class);

	private static final Field<String> WIDTHS = field(name("photo", "widths"), String.class);

	private static final Field<Integer> WEBP = field(name("photo", "webp"), Integer.class);

	private static final Field<Integer> BLURRED_REGIONS = field(name("photo", "blurred_regions"), Integer.class);

	private static final Field<Long> CREATED_AT = field(name("photo", "created_at"), Long.class);

	private static final List<Field<?>> FIELDS = List.of(ID, ARTICLE_ID, POSITION, CAPTION, CREDIT, ALT, WIDTH, HEIGHT,
			STORAGE_KEY, WIDTHS, WEBP, BLURRED_REGIONS);

	private final DSLContext db;

	Photos(DSLContext db) {
		this.db = db;
	}

	public long add(long articleId, String caption, String credit, String alt, int width, int height,
			String storageKey, List<Integer> widths, boolean webp, Instant now) {
		int position = db.select(coalesce(max(POSITION), -1)).from(PHOTO).where(ARTICLE_ID.eq(articleId)).fetchOne(0,
				Integer.class) + 1;
		return db.insertInto(PHOTO)
			.set(ARTICLE_ID, articleId)
			.set(POSITION, position)
			.set(CAPTION, caption)
			.set(CREDIT, credit)
			.set(ALT, alt)
			.set(WIDTH, width)
			.set(HEIGHT, height)
			.set(STORAGE_KEY, storageKey)
			.set(WIDTHS, widths.stream().map(String::valueOf).collect(Collectors.joining(",")))
			.set(WEBP, webp ? 1 : 0)
			.set(CREATED_AT, now.toEpochMilli())
			.returningResult(ID)
			.fetchOne(ID);
	}

	public Optional<Photo> byId(long id) {
		return db.select(FIELDS).from(PHOTO).where(ID.eq(id)).fetchOptional(Photos::photo);
	}

	public List<Photo> ofArticle(long articleId) {
		return db.select(FIELDS).from(PHOTO).where(ARTICLE_ID.eq(articleId)).orderBy(POSITION, ID).fetch(Photos::photo);
	}

	public List<Photo> byIds(java.util.Collection<Long> ids) {
		return ids.isEmpty() ? List.of() : db.select(FIELDS).from(PHOTO).where(ID.in(ids)).fetch(Photos::photo);
	}

	public void describe(long id, String caption, String credit, String alt) {
		db.update(PHOTO).set(CAPTION, caption).set(CREDIT, credit).set(ALT, alt).where(ID.eq(id)).execute();
	}

	public void place(long id, int position) {
		db.update(PHOTO).set(POSITION, position).where(ID.eq(id)).execute();
	}

	/** Points the photo at its new, blurred files. */
	public void replaceFiles(long id, String storageKey, boolean webp, int blurredRegions) {
		db.update(PHOTO)
			.set(STORAGE_KEY, storageKey)
			.set(WEBP, webp ? 1 : 0)
			.set(BLURRED_REGIONS, blurredRegions)
			.where(ID.eq(id))
			.execute();
	}

	public void remove(long id) {
		db.deleteFrom(PHOTO).where(ID.eq(id)).execute();
	}

	private static Photo photo(Record r) {
		List<Integer> widths = Arrays.stream(r.get(WIDTHS).split(",")).map(Integer::valueOf).toList();
		return new Photo(r.get(ID), r.get(ARTICLE_ID), r.get(POSITION), r.get(CAPTION), r.get(CREDIT), r.get(ALT),
				r.get(WIDTH), r.get(HEIGHT), r.get(STORAGE_KEY), widths, r.get(WEBP) == 1, r.get(BLURRED_REGIONS));
	}

}
