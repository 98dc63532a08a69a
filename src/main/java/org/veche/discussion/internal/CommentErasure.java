package org.veche.discussion.internal;

import static org.jooq.impl.DSL.falseCondition;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.springframework.stereotype.Repository;
import org.veche.discussion.CommentStatus;
import org.veche.schema.tables.CommentLike;

/**
 * A person's rows in the comment and comment_like tables, for a copy, erasure and address
 * retention.
 */
@Repository
public class CommentErasure {

	private static final CommentLike LIKE = CommentLike.COMMENT_LIKE;

	private static final Field<Long> LIKE_COMMENT = LIKE.COMMENT_ID;

	private static final Field<String> LIKE_READER = LIKE.READER;

	private static final Field<String> LIKE_ADDRESS = LIKE.ADDRESS_HASH;

	private static final Field<Long> LIKE_CREATED = LIKE.CREATED_AT;

	private final DSLContext db;

	CommentErasure(DSLContext db) {
		this.db = db;
	}

	/**
	 * A comment of the person's: its id and where it sits, and whether others replied to
	 * it.
	 */
	public record Row(long id, long articleId, boolean answered) {
	}

	private static Condition of(Long accountId, String email) {
		Condition byAccount = accountId == null ? falseCondition() : Comments.ACCOUNT_ID.eq(accountId);
		Condition byEmail = email == null ? falseCondition()
				: Comments.AUTHOR_EMAIL.eq(email.strip().toLowerCase(Locale.ROOT));
		return byAccount.or(byEmail);
	}

	/** Every comment of the person, as the site holds it, oldest first. */
	public List<Map<String, Object>> export(Long accountId, String email) {
		return db
			.select(Comments.ID, Comments.ARTICLE_ID, Comments.PARENT_ID, Comments.AUTHOR_NAME, Comments.AUTHOR_EMAIL,
					Comments.AUTHOR_URL, Comments.ACCOUNT_ID, Comments.BODY, Comments.STATUS, Comments.CREATED_AT,
					Comments.LIKES, Comments.ADDRESS_HASH)
			.from(Comments.COMMENT)
			.where(of(accountId, email))
			.orderBy(Comments.ID)
			.fetch(r -> {
				var row = new LinkedHashMap<String, Object>();
				row.put("id", r.get(Comments.ID));
				row.put("articleId", r.get(Comments.ARTICLE_ID));
				row.put("parentId", r.get(Comments.PARENT_ID));
				row.put("name", r.get(Comments.AUTHOR_NAME));
				row.put("email", r.get(Comments.AUTHOR_EMAIL));
				row.put("website", r.get(Comments.AUTHOR_URL));
				row.put("accountId", r.get(Comments.ACCOUNT_ID));
				row.put("text", r.get(Comments.BODY));
				row.put("status", r.get(Comments.STATUS).toLowerCase(Locale.ROOT));
				row.put("createdAt", Instant.ofEpochMilli(r.get(Comments.CREATED_AT)).toString());
				row.put("likes", r.get(Comments.LIKES));
				row.put("addressHash", r.get(Comments.ADDRESS_HASH));
				return row;
			});
	}

	public List<Row> rows(Long accountId, String email) {
		var answered = Comments.COMMENT.as("reply");
		Field<Long> replyParent = answered.PARENT_ID;
		return db.select(Comments.ID, Comments.ARTICLE_ID)
			.select(org.jooq.impl.DSL
				.field(org.jooq.impl.DSL.exists(db.selectOne().from(answered).where(replyParent.eq(Comments.ID))))
				.as("answered"))
			.from(Comments.COMMENT)
			.where(of(accountId, email))
			.fetch(r -> new Row(r.get(Comments.ID), r.get(Comments.ARTICLE_ID), r.get("answered", Boolean.class)));
	}

	/** The text stays; who wrote it does not. */
	public int anonymise(Collection<Long> ids) {
		return ids.isEmpty() ? 0
				: db.update(Comments.COMMENT)
					.set(Comments.AUTHOR_NAME, "")
					.set(Comments.AUTHOR_EMAIL, "")
					.set(Comments.AUTHOR_URL, (String) null)
					.set(Comments.ACCOUNT_ID, (Long) null)
					.set(Comments.ADDRESS_HASH, (String) null)
					.where(Comments.ID.in(ids))
					.execute();
	}

	/**
	 * Empties answered comments and takes them out of their threads; their replies stay
	 * in place.
	 */
	public int empty(Collection<Long> ids) {
		anonymise(ids);
		// the earlier texts go with the text
		db.deleteFrom(Comments.REVISION).where(Comments.REVISION_COMMENT.in(ids)).execute();
		return ids.isEmpty() ? 0
				: db.update(Comments.COMMENT)
					.set(Comments.BODY, "")
					.set(Comments.BODY_HTML, "")
					.set(Comments.STATUS, CommentStatus.TRASH.name())
					.where(Comments.ID.in(ids))
					.execute();
	}

	public int delete(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return 0;
		}
		db.deleteFrom(LIKE).where(LIKE_COMMENT.in(ids)).execute();
		db.deleteFrom(Comments.REVISION).where(Comments.REVISION_COMMENT.in(ids)).execute();
		return db.deleteFrom(Comments.COMMENT).where(Comments.ID.in(ids)).execute();
	}

	/** Likes the reader gave, as the site holds them. */
	public List<Map<String, Object>> likes(Set<String> readers) {
		return readers.isEmpty() ? List.of()
				: db.select(LIKE_COMMENT, LIKE_CREATED, LIKE_ADDRESS)
					.from(LIKE)
					.where(LIKE_READER.in(readers))
					.orderBy(LIKE_CREATED)
					.fetch(r -> {
						var row = new LinkedHashMap<String, Object>();
						row.put("commentId", r.get(LIKE_COMMENT));
						row.put("createdAt", Instant.ofEpochMilli(r.get(LIKE_CREATED)).toString());
						row.put("addressHash", r.get(LIKE_ADDRESS));
						return row;
					});
	}

	/**
	 * Deletes the reader's likes and takes them off the comments' counts.
	 * @return the comments that lost a like
	 */
	public List<Long> deleteLikes(Set<String> readers) {
		if (readers.isEmpty()) {
			return List.of();
		}
		List<Long> liked = new ArrayList<>(
				db.select(LIKE_COMMENT).from(LIKE).where(LIKE_READER.in(readers)).fetch(LIKE_COMMENT));
		db.deleteFrom(LIKE).where(LIKE_READER.in(readers)).execute();
		for (long id : liked) {
			db.update(Comments.COMMENT)
				.set(Comments.LIKES, Comments.LIKES.minus(1))
				.where(Comments.ID.eq(id))
				.execute();
		}
		return liked;
	}

	public List<Long> articlesOf(Collection<Long> commentIds) {
		return commentIds.isEmpty() ? List.of()
				: db.selectDistinct(Comments.ARTICLE_ID)
					.from(Comments.COMMENT)
					.where(Comments.ID.in(commentIds))
					.fetch(Comments.ARTICLE_ID);
	}

	public int forgetAddressesBefore(Instant cutoff) {
		long before = cutoff.toEpochMilli();
		int comments = db.update(Comments.COMMENT)
			.set(Comments.ADDRESS_HASH, (String) null)
			.where(Comments.CREATED_AT.lt(before).and(Comments.ADDRESS_HASH.isNotNull()))
			.execute();
		int likes = db.update(LIKE)
			.set(LIKE_ADDRESS, (String) null)
			.where(LIKE_CREATED.lt(before).and(LIKE_ADDRESS.isNotNull()))
			.execute();
		return comments + likes;
	}

}
