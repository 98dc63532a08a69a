package org.veche.moderation.internal;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import org.veche.moderation.Ban;

/**
 * Bans on authors. An expired ban simply stops matching: nothing has to run for it to end.
 */
@Repository
public class Bans {

	static final Table<Record> COMMENT_BAN = table(name("comment_ban"));

	static final Field<Long> ID = field(name("id"), Long.class);

	static final Field<Long> ACCOUNT_ID = field(name("account_id"), Long.class);

	static final Field<String> EMAIL = field(name("email"), String.class);

	static final Field<String> ADDRESS_HASH = field(name("address_hash"), String.class);

	static final Field<String> NOTE = field(name("note"), String.class);

	static final Field<Long> BANNED_BY = field(name("banned_by"), Long.class);

	static final Field<Long> CREATED_AT = field(name("created_at"), Long.class);

	static final Field<Long> EXPIRES_AT = field(name("expires_at"), Long.class);

	static final Field<Long> LIFTED_AT = field(name("lifted_at"), Long.class);

	private final DSLContext db;

	Bans(DSLContext db) {
		this.db = db;
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
		var who = new ArrayList<Condition>();
		if (accountId != null) {
			who.add(ACCOUNT_ID.eq(accountId));
		}
		if (email != null && !email.isEmpty()) {
			who.add(EMAIL.eq(email));
		}
		if (addressHash != null) {
			who.add(ADDRESS_HASH.eq(addressHash));
		}
		if (who.isEmpty()) {
			return Optional.empty();
		}
		return db.select(ID)
			.from(COMMENT_BAN)
			.where(DSL.or(who))
			.and(inForce(now))
			.limit(1)
			.fetchOptional(ID);
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
		return db.update(COMMENT_BAN).set(LIFTED_AT, at.toEpochMilli()).where(ID.eq(id).and(LIFTED_AT.isNull())).execute() == 1;
	}

	private static Instant instant(Long millis) {
		return millis == null ? null : Instant.ofEpochMilli(millis);
	}

}
