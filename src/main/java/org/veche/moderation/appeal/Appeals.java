package org.veche.moderation.appeal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.springframework.stereotype.Repository;
import org.veche.discussion.CommentStatus;
import org.veche.schema.tables.CommentAppeal;

/**
 * The appeals ({@code comment_appeal}), one per comment at most: the unique comment id is
 * what refuses a second, even two sent at the same moment from two nodes.
 */
@Repository
class Appeals {

	static final CommentAppeal COMMENT_APPEAL = CommentAppeal.COMMENT_APPEAL;

	static final Field<Long> ID = COMMENT_APPEAL.ID;

	static final Field<Long> COMMENT_ID = COMMENT_APPEAL.COMMENT_ID;

	static final Field<Long> ACCOUNT_ID = COMMENT_APPEAL.ACCOUNT_ID;

	static final Field<String> MESSAGE = COMMENT_APPEAL.MESSAGE;

	static final Field<String> STATUS_THEN = COMMENT_APPEAL.STATUS_THEN;

	static final Field<Long> CREATED_AT = COMMENT_APPEAL.CREATED_AT;

	static final Field<String> OUTCOME = COMMENT_APPEAL.OUTCOME;

	static final Field<Long> DECIDED_BY = COMMENT_APPEAL.DECIDED_BY;

	static final Field<Long> DECIDED_AT = COMMENT_APPEAL.DECIDED_AT;

	/**
	 * Named, not {@code selectFrom}: SQLite's driver gives whole numbers as Integer
	 * unless the field says Long.
	 */
	private static final List<Field<?>> COLUMNS = List.of(ID, COMMENT_ID, ACCOUNT_ID, MESSAGE, STATUS_THEN, CREATED_AT,
			OUTCOME, DECIDED_BY, DECIDED_AT);

	private final DSLContext db;

	Appeals(DSLContext db) {
		this.db = db;
	}

	/**
	 * @return the new appeal's id, or empty when the comment already has one
	 */
	Optional<Long> add(long commentId, Long accountId, String message, CommentStatus statusThen, Instant at) {
		// the statement, not a failed one, says "already": on PostgreSQL a failed
		// statement spoils the transaction
		return db.insertInto(COMMENT_APPEAL)
			.set(COMMENT_ID, commentId)
			.set(ACCOUNT_ID, accountId)
			.set(MESSAGE, message)
			.set(STATUS_THEN, statusThen.name())
			.set(CREATED_AT, at.toEpochMilli())
			.onConflictDoNothing()
			.returningResult(ID)
			.fetchOptional(ID);
	}

	Optional<Appeal> ofComment(long commentId) {
		return db.select(COLUMNS).from(COMMENT_APPEAL).where(COMMENT_ID.eq(commentId)).fetchOptional(Appeals::appeal);
	}

	Optional<Appeal> byId(long id) {
		return db.select(COLUMNS).from(COMMENT_APPEAL).where(ID.eq(id)).fetchOptional(Appeals::appeal);
	}

	/**
	 * Open appeals oldest first (the longest waiting on top), or answered ones newest
	 * first.
	 */
	List<Appeal> page(boolean open, int offset, int limit) {
		return db.select(COLUMNS)
			.from(COMMENT_APPEAL)
			.where(open ? OUTCOME.isNull() : OUTCOME.isNotNull())
			.orderBy(open ? ID.asc() : DECIDED_AT.desc())
			.offset(offset)
			.limit(limit)
			.fetch(Appeals::appeal);
	}

	int count(boolean open) {
		return db.fetchCount(COMMENT_APPEAL, open ? OUTCOME.isNull() : OUTCOME.isNotNull());
	}

	/**
	 * @return whether it was still open (two moderators answering at once: the first
	 * answer counts)
	 */
	boolean decide(long id, AppealOutcome outcome, long by, Instant at) {
		return db.update(COMMENT_APPEAL)
			.set(OUTCOME, outcome.name())
			.set(DECIDED_BY, by)
			.set(DECIDED_AT, at.toEpochMilli())
			.where(ID.eq(id))
			.and(OUTCOME.isNull())
			.execute() == 1;
	}

	List<Appeal> byAccount(long accountId) {
		return db.select(COLUMNS)
			.from(COMMENT_APPEAL)
			.where(ACCOUNT_ID.eq(accountId))
			.orderBy(ID)
			.fetch(Appeals::appeal);
	}

	/**
	 * Guests' appeals, a page at a time by id (for an erasure by e-mail, which asks
	 * discussion who wrote each).
	 */
	List<Appeal> guestsAfter(long afterId, int limit) {
		return db.select(COLUMNS)
			.from(COMMENT_APPEAL)
			.where(ACCOUNT_ID.isNull())
			.and(ID.gt(afterId))
			.orderBy(ID)
			.limit(limit)
			.fetch(Appeals::appeal);
	}

	/**
	 * Forgets whose appeals these were and what they wrote; the appeals stay, counted in
	 * the monthly reports.
	 */
	int forget(Collection<Long> ids) {
		return ids.isEmpty() ? 0
				: db.update(COMMENT_APPEAL).set(MESSAGE, "").set(ACCOUNT_ID, (Long) null).where(ID.in(ids)).execute();
	}

	/** Empties the messages of appeals answered before the instant. @return how many */
	int forgetMessagesDecidedBefore(Instant cutoff) {
		return db.update(COMMENT_APPEAL)
			.set(MESSAGE, "")
			.where(DECIDED_AT.lt(cutoff.toEpochMilli()))
			.and(MESSAGE.ne(""))
			.execute();
	}

	private static Appeal appeal(Record r) {
		Long decidedAt = r.get(DECIDED_AT);
		String outcome = r.get(OUTCOME);
		return new Appeal(r.get(ID), r.get(COMMENT_ID), r.get(ACCOUNT_ID), r.get(MESSAGE),
				CommentStatus.valueOf(r.get(STATUS_THEN)), Instant.ofEpochMilli(r.get(CREATED_AT)),
				outcome == null ? null : AppealOutcome.valueOf(outcome), r.get(DECIDED_BY),
				decidedAt == null ? null : Instant.ofEpochMilli(decidedAt));
	}

}
