package org.veche.moderation.internal;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.time.Instant;
import java.util.List;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.veche.moderation.LoggedAction;
import org.veche.moderation.audit.AuditChain;

/**
 * Every moderator's action, who did it and when, kept for the log page and chained for the owner's audit
 * ({@link AuditChain} seals each row as its transaction commits).
 */
@Repository
public class ActionLog {

	static final Table<Record> MODERATION_ACTION = table(name("moderation_action"));

	static final Field<Long> ID = field(name("id"), Long.class);

	static final Field<Long> MODERATOR_ID = field(name("moderator_id"), Long.class);

	static final Field<String> MODERATOR_NAME = field(name("moderator_name"), String.class);

	static final Field<String> ACTION = field(name("action"), String.class);

	static final Field<Long> COMMENT_ID = field(name("comment_id"), Long.class);

	static final Field<String> DETAIL = field(name("detail"), String.class);

	static final Field<Long> CREATED_AT = field(name("created_at"), Long.class);

	private final DSLContext db;

	private final AuditChain chain;

	ActionLog(DSLContext db, AuditChain chain) {
		this.db = db;
		this.chain = chain;
	}

	/** In a transaction of its own when the caller has none, so that the row is sealed when it commits. */
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
