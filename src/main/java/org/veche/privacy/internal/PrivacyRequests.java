package org.veche.privacy.internal;

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

/**
 * The privacy_request table: the audit of exports and erasures. It says what was done, through which door and
 * how much, and never whose data it was.
 */
@Repository
public class PrivacyRequests {

	private static final Table<Record> REQUEST = table(name("privacy_request"));

	private static final Field<Long> ID = field(name("privacy_request", "id"), Long.class);

	private static final Field<String> KIND = field(name("privacy_request", "kind"), String.class);

	private static final Field<String> CHANNEL = field(name("privacy_request", "channel"), String.class);

	private static final Field<String> SUMMARY = field(name("privacy_request", "summary"), String.class);

	private static final Field<Long> CREATED_AT = field(name("privacy_request", "created_at"), Long.class);

	private final DSLContext db;

	PrivacyRequests(DSLContext db) {
		this.db = db;
	}

	public record Line(long id, String kind, String channel, String summary, Instant at) {
	}

	public void record(String kind, String channel, String summary, Instant now) {
		db.insertInto(REQUEST)
			.columns(KIND, CHANNEL, SUMMARY, CREATED_AT)
			.values(kind, channel, summary, now.toEpochMilli())
			.execute();
	}

	public List<Line> latest(int limit) {
		return db.select(ID, KIND, CHANNEL, SUMMARY, CREATED_AT)
			.from(REQUEST)
			.orderBy(ID.desc())
			.limit(limit)
			.fetch(r -> new Line(r.get(ID), r.get(KIND), r.get(CHANNEL), r.get(SUMMARY),
					Instant.ofEpochMilli(r.get(CREATED_AT))));
	}

}
