package org.veche.moderation.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.veche.moderation.Ban;
import org.veche.schema.tables.CommentBan;

/**
 * Bans on authors. An expired ban simply stops matching: nothing has to run for it to
 * end.
 */
@Repository
public class Bans {

	static final CommentBan COMMENT_BAN = CommentBan.COMMENT_BAN;

	static final Field<Long> ID = COMMENT_BAN.ID;

	static final Field<Long> ACCOUNT_ID = COMMENT_BAN.ACCOUNT_ID;

	static final Field<String> EMAIL = COMMENT_BAN.EMAIL;

	static final Field<String> ADDRESS_HASH = COMMENT_BAN.ADDRESS_HASH;

	static final Field<String> NOTE = COMMENT_BAN.NOTE;

	static final Field<Long> BANNED_BY = COMMENT_BAN.BANNED_BY;

	static final Field<Long> CREATED_AT = COMMENT_BAN.CREATED_AT;

	static final Field<Long> EXPIRES_AT = COMMENT_BAN.EXPIRES_AT;

	static final Field<Long> LIFTED_AT = COMMENT_BAN.LIFTED_AT;

	private final DSLContext db;

	private final JdbcClient jdbc;

	Bans(DSLContext db, JdbcClient jdbc) {
		this.db = db;
		this.jdbc = jdbc;
	}

	public long add(Long accountId, String email, String addressHash, String note, Long bannedBy, Instant at,
			Instant expiresAt) {
		return db.insertInto(COMMENT_BAN)
			.set(ACCOUNT_ID, accountId)
			.set(EMAIL, email == null || email.isEmpty() ? null : email)
			.set(ADDRESS_HASH, addressHash)
			.set(NOTE, note)
			.set(BANNED_BY, bannedBy)
			.set(CREATED_AT, at.toEpochMilli())
			.set(EXPIRES_AT, expiresAt == null ? null : expiresAt.toEpochMilli())
			.returningResult(ID)
			.fetchOne(ID);
	}

	/** The ban in force now on any of these, if there is one. */
	public Optional<Long> active(Long accountId, String email, String addressHash, Instant now) {
		boolean byEmail = email != null && !email.isEmpty();
		if (accountId == null && !byEmail && addressHash == null) {
			return Optional.empty();
		}
		// every post asks this: plain SQL on the transaction's connection (jOOQ would
		// render it afresh each time)
		var sql = new StringBuilder("select id from comment_ban where (");
		var params = new ArrayList<Object>(4);
		if (accountId != null) {
			sql.append("account_id = ?");
			params.add(accountId);
		}
		if (byEmail) {
			sql.append(params.isEmpty() ? "" : " or ").append("email = ?");
			params.add(email);
		}
		if (addressHash != null) {
			sql.append(params.isEmpty() ? "" : " or ").append("address_hash = ?");
			params.add(addressHash);
		}
		sql.append(") and lifted_at is null and (expires_at is null or expires_at > ?) limit 1");
		params.add(now.toEpochMilli());
		return jdbc.sql(sql.toString()).params(params).query(Long.class).optional();
	}

	private static Condition inForce(Instant now) {
		return LIFTED_AT.isNull().and(EXPIRES_AT.isNull().or(EXPIRES_AT.gt(now.toEpochMilli())));
	}

	/** Bans in force, newest first. */
	public List<Ban> inForce(Instant now, int limit) {
		return db.select(ID, ACCOUNT_ID, EMAIL, ADDRESS_HASH, NOTE, BANNED_BY, CREATED_AT, EXPIRES_AT, LIFTED_AT)
			.from(COMMENT_BAN)
			.where(inForce(now))
			.orderBy(ID.desc())
			.limit(limit)
			.fetch(r -> new Ban(r.get(ID), r.get(ACCOUNT_ID), r.get(EMAIL), r.get(ADDRESS_HASH), r.get(NOTE),
					r.get(BANNED_BY), Instant.ofEpochMilli(r.get(CREATED_AT)), instant(r.get(EXPIRES_AT)),
					instant(r.get(LIFTED_AT))));
	}

	public boolean lift(long id, Instant at) {
		return db.update(COMMENT_BAN)
			.set(LIFTED_AT, at.toEpochMilli())
			.where(ID.eq(id).and(LIFTED_AT.isNull()))
			.execute() == 1;
	}

	private static Instant instant(Long millis) {
		return millis == null ? null : Instant.ofEpochMilli(millis);
	}

}
