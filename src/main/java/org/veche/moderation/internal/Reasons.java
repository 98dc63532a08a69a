package org.veche.moderation.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.springframework.stereotype.Repository;
import org.veche.moderation.Reason;

/**
 * Why a comment was held or sent to spam, one row per reason: a message key and its
 * arguments after '|', written and read as {@link Reason}s.
 */
@Repository
public class Reasons {

	static final org.veche.schema.tables.CommentReason COMMENT_REASON = org.veche.schema.tables.CommentReason.COMMENT_REASON;

	static final Field<Long> COMMENT_ID = COMMENT_REASON.COMMENT_ID;

	static final Field<Integer> POSITION = COMMENT_REASON.POSITION;

	static final Field<String> REASON = COMMENT_REASON.REASON;

	static final Field<Long> CREATED_AT = COMMENT_REASON.CREATED_AT;

	private final DSLContext db;

	Reasons(DSLContext db) {
		this.db = db;
	}

	public void add(long commentId, List<Reason> reasons, Instant at) {
		if (reasons.isEmpty()) {
			// most comments are approved for no reason: not even counted
			return;
		}
		int start = db.fetchCount(COMMENT_REASON, COMMENT_ID.eq(commentId));
		for (int i = 0; i < reasons.size(); i++) {
			db.insertInto(COMMENT_REASON)
				.set(COMMENT_ID, commentId)
				.set(POSITION, start + i)
				.set(REASON, reasons.get(i).stored())
				.set(CREATED_AT, at.toEpochMilli())
				.execute();
		}
	}

	/** The comments held for this reason (a raid's cluster), oldest first. */
	public List<Long> withReason(Reason reason) {
		return db.selectDistinct(COMMENT_ID)
			.from(COMMENT_REASON)
			.where(REASON.eq(reason.stored()))
			.orderBy(COMMENT_ID)
			.fetch(COMMENT_ID);
	}

	public Map<Long, List<Reason>> of(Collection<Long> commentIds) {
		var byComment = new LinkedHashMap<Long, List<Reason>>();
		if (commentIds.isEmpty()) {
			return byComment;
		}
		db.select(COMMENT_ID, REASON)
			.from(COMMENT_REASON)
			.where(COMMENT_ID.in(commentIds))
			.orderBy(COMMENT_ID, POSITION)
			.forEach(r -> byComment.computeIfAbsent(r.value1(), k -> new java.util.ArrayList<>())
				.add(Reason.parse(r.value2())));
		return byComment;
	}

}
