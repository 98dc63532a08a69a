package org.veche.media.internal;

import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.max;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.springframework.stereotype.Repository;
import org.veche.media.Photo;
import org.veche.media.PhotoText;

/**
 * The photo table.
 */
@Repository
public class Photos {

	private static final org.veche.schema.tables.Photo PHOTO = org.veche.schema.tables.Photo.PHOTO;

	private static final Field<Long> ID = PHOTO.ID;

	private static final Field<Long> ARTICLE_ID = PHOTO.ARTICLE_ID;

	private static final Field<Integer> POSITION = PHOTO.POSITION;

	private static final Field<String> CAPTION = PHOTO.CAPTION;

	private static final Field<String> CREDIT = PHOTO.CREDIT;

	private static final Field<String> ALT = PHOTO.ALT;

	private static final Field<Integer> WIDTH = PHOTO.WIDTH;

	private static final Field<Integer> HEIGHT = PHOTO.HEIGHT;

	private static final Field<String> STORAGE_KEY = PHOTO.STORAGE_KEY;

	private static final Field<String> WIDTHS = PHOTO.WIDTHS;

	private static final Field<Integer> WEBP = PHOTO.WEBP;

	private static final Field<Integer> BLURRED_REGIONS = PHOTO.BLURRED_REGIONS;

	private static final Field<Long> CREATED_AT = PHOTO.CREATED_AT;

	private static final List<Field<?>> FIELDS = List.of(ID, ARTICLE_ID, POSITION, CAPTION, CREDIT, ALT, WIDTH, HEIGHT,
			STORAGE_KEY, WIDTHS, WEBP, BLURRED_REGIONS);

	private final DSLContext db;

	Photos(DSLContext db) {
		this.db = db;
	}

	public long add(long articleId, String caption, String credit, String alt, int width, int height, String storageKey,
			List<Integer> widths, boolean webp, Instant now) {
		int position = db.select(coalesce(max(POSITION), -1))
			.from(PHOTO)
			.where(ARTICLE_ID.eq(articleId))
			.fetchOne(0, Integer.class) + 1;
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
		return new Photo(r.get(ID), r.get(ARTICLE_ID), r.get(POSITION),
				new PhotoText(r.get(CAPTION), r.get(CREDIT), r.get(ALT)),
				new Photo.Image(r.get(WIDTH), r.get(HEIGHT), r.get(STORAGE_KEY), widths, r.get(WEBP) == 1),
				r.get(BLURRED_REGIONS));
	}

}
