package org.veche.privacy.internal;

import java.time.Instant;
import java.util.List;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.springframework.stereotype.Repository;
import org.veche.schema.tables.PrivacyRequest;

/**
 * The privacy_request table: the audit of exports and erasures. It says what was done,
 * through which door and how much, and never whose data it was.
 */
@Repository
public class PrivacyRequests {

	private static final PrivacyRequest REQUEST = PrivacyRequest.PRIVACY_REQUEST;

	private static final Field<Long> ID = REQUEST.ID;

	private static final Field<String> KIND = REQUEST.KIND;

	private static final Field<String> CHANNEL = REQUEST.CHANNEL;

	private static final Field<String> SUMMARY = REQUEST.SUMMARY;

	private static final Field<Long> CREATED_AT = REQUEST.CREATED_AT;

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
