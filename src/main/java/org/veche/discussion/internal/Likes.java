package org.veche.discussion.internal;

import java.time.Instant;
import java.util.Set;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.springframework.stereotype.Repository;
import org.veche.schema.tables.CommentLike;

/**
 * The comment_like table: one row per reader and comment.
 */
@Repository
public class Likes {

	private static final CommentLike COMMENT_LIKE = CommentLike.COMMENT_LIKE;

	private static final Field<Long> COMMENT_ID = COMMENT_LIKE.COMMENT_ID;

	private static final Field<String> READER = COMMENT_LIKE.READER;

	private static final Field<String> ADDRESS_HASH = COMMENT_LIKE.ADDRESS_HASH;

	private static final Field<Long> CREATED_AT = COMMENT_LIKE.CREATED_AT;

	private final DSLContext db;

	Likes(DSLContext db) {
		this.db = db;
	}

	/**
	 * @return whether the like is new
	 */
	public boolean add(long commentId, String reader, String addressHash, Instant now) {
		return db.insertInto(COMMENT_LIKE)
			.columns(COMMENT_ID, READER, ADDRESS_HASH, CREATED_AT)
			.values(commentId, reader, addressHash, now.toEpochMilli())
			.onConflictDoNothing()
			.execute() == 1;
	}

	/**
	 * @return whether there was a like to take back
	 */
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
				.and(COMMENT_ID
					.in(db.select(Comments.ID).from(Comments.COMMENT).where(Comments.ARTICLE_ID.eq(articleId)))))
			.fetchSet(COMMENT_ID);
	}

}
