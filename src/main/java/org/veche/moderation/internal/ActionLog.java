package org.veche.moderation.internal;

import java.time.Instant;
import java.util.List;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.veche.moderation.LoggedAction;
import org.veche.moderation.audit.AuditChain;
import org.veche.schema.tables.ModerationAction;

/**
 * Every moderator's action, who did it and when, kept for the log page and chained for
 * the owner's audit ({@link AuditChain} seals each row as its transaction commits).
 */
@Repository
public class ActionLog {

	static final ModerationAction MODERATION_ACTION = ModerationAction.MODERATION_ACTION;

	static final Field<Long> ID = MODERATION_ACTION.ID;

	static final Field<Long> MODERATOR_ID = MODERATION_ACTION.MODERATOR_ID;

	static final Field<String> MODERATOR_NAME = MODERATION_ACTION.MODERATOR_NAME;

	static final Field<String> ACTION = MODERATION_ACTION.ACTION;

	static final Field<Long> COMMENT_ID = MODERATION_ACTION.COMMENT_ID;

	static final Field<String> DETAIL = MODERATION_ACTION.DETAIL;

	static final Field<Long> CREATED_AT = MODERATION_ACTION.CREATED_AT;

	private final DSLContext db;

	private final AuditChain chain;

	ActionLog(DSLContext db, AuditChain chain) {
		this.db = db;
		this.chain = chain;
	}

	/**
	 * In a transaction of its own when the caller has none, so that the row is sealed
	 * when it commits.
	 */
	@Transactional
	public void add(Long moderatorId, String moderatorName, String action, Long commentId, String detail, Instant at) {
		db.insertInto(MODERATION_ACTION)
			.set(MODERATOR_ID, moderatorId)
			.set(MODERATOR_NAME, moderatorName)
			.set(ACTION, action)
			.set(COMMENT_ID, commentId)
			.set(DETAIL, detail == null ? "" : detail)
			.set(CREATED_AT, at.toEpochMilli())
			.execute();
		chain.sealOnCommit();
	}

	/** The last of these actions taken on the comment (a decision, say), if any was. */
	public java.util.Optional<LoggedAction> last(long commentId, java.util.Collection<String> actions) {
		return db.select(ID, MODERATOR_ID, MODERATOR_NAME, ACTION, COMMENT_ID, DETAIL, CREATED_AT)
			.from(MODERATION_ACTION)
			.where(COMMENT_ID.eq(commentId))
			.and(ACTION.in(actions))
			.orderBy(ID.desc())
			.limit(1)
			.fetchOptional(r -> new LoggedAction(r.get(ID), r.get(MODERATOR_ID), r.get(MODERATOR_NAME), r.get(ACTION),
					r.get(COMMENT_ID), r.get(DETAIL), Instant.ofEpochMilli(r.get(CREATED_AT))));
	}

	public List<LoggedAction> latest(int offset, int limit) {
		return db.select(ID, MODERATOR_ID, MODERATOR_NAME, ACTION, COMMENT_ID, DETAIL, CREATED_AT)
			.from(MODERATION_ACTION)
			.orderBy(ID.desc())
			.offset(offset)
			.limit(limit)
			.fetch(r -> new LoggedAction(r.get(ID), r.get(MODERATOR_ID), r.get(MODERATOR_NAME), r.get(ACTION),
					r.get(COMMENT_ID), r.get(DETAIL), Instant.ofEpochMilli(r.get(CREATED_AT))));
	}

	public int size() {
		return db.fetchCount(MODERATION_ACTION);
	}

}
