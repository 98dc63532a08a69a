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
import org.veche.moderation.LoggedAction;

/**
 * Every moderator's action, who did it and when, kept for the log page.
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

	ActionLog(DSLContext db) {
		this.db = db;
	}

	public void add(Long moderatorId, String moderatorName, String action, Long commentId, String detail, Instant at) {
		db.insertInto(MODERATION_ACTION)
			.set(MODERATOR_ID, moderatorId)
			.set(MODERATOR_NAME, moderatorName)
			.set(ACTION, action)
			.set(COMMENT_ID, commentId)
			.set(DETAIL, detail == null ? "" : detail)
			.set(CREATED_AT, at.toEpochMilli())
			.execute();
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
