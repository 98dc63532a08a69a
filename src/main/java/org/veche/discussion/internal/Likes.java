package org.veche.discussion.internal;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.time.Instant;
import java.util.Set;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.springframework.stereotype.Repository;

/**
 * The comment_like table: one row per reader and comment.
 */
@Repository
public class Likes {

	private static final Table<Record> COMMENT_LIKE = table(name("comment_like"));

	private static final Field<Long> COMMENT_ID = field(name("comment_like", "comment_id"), Long.class);

	private static final Field<String> READER = field(name("comment_like", "reader"), String.class);

	private static final Field<String> ADDRESS_HASH = field(name("comment_like", "address_hash"), String.class);

	private static final Field<Long> CREATED_AT = field(name("comment_like", "created_at"), Long.class);

	private final DSLContext db;

	Likes(DSLContext db) {
		this.db = db;
	}

	/** @return whether the like is new */
	public boolean add(long commentId, String reader, String addressHash, Instant now) {
		return db.insertInto(COMMENT_LIKE)
			.columns(COMMENT_ID, READER, ADDRESS_HASH, CREATED_AT)
			.values(commentId, reader, addressHash, now.toEpochMilli())
			.onConflictDoNothing()
			.execute() == 1;
	}

	/** @return whether there was a like to take back */
	public boolean remove(long commentId, String reader) {
		return db.deleteFrom(COMMENT_LIKE).where(COMMENT_ID.eq(commentId).and(READER.eq(reader))).execute() == 1;
	}

	public boolean exists(long commentId, String reader) {
		return db.fetchExists(COMMENT_LIKE, COMMENT_ID.eq(commentId).and(READER.eq(reader)));
	}

	public int fromAddress(long commentId, String addressHash) {
		return db.fetchCount(COMMENT_LIKE, COMMENT_ID.eq(commentId).and(ADDRESS_HASH.eq(addressHash)));
	}

	/** The comments of an article a reader likes, so a page can show its own likes. */
	public Set<Long> likedBy(String reader, long articleId) {
		return db.select(COMMENT_ID)
			.from(COMMENT_LIKE)
			.where(READER.eq(reader)
				.and(COMMENT_ID.in(db.select(Comments.ID).from(Comments.COMMENT).where(Comments.ARTICLE_ID.eq(articleId)))))
			.fetchSet(COMMENT_ID);
	}

}
