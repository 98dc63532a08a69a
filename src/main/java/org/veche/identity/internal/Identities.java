package org.veche.identity.internal;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.time.Instant;
import java.util.Optional;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.springframework.stereotype.Repository;

/**
 * The account_identity table: which external (provider, subject) signs into which account.
 */
@Repository
public class Identities {

	static final Table<Record> IDENTITY = table(name("account_identity"));

	static final Field<Long> ACCOUNT_ID = field(name("account_identity", "account_id"), Long.class);

	static final Field<String> PROVIDER = field(name("account_identity", "provider"), String.class);

	static final Field<String> SUBJECT = field(name("account_identity", "subject"), String.class);

	static final Field<String> EMAIL = field(name("account_identity", "email"), String.class);

	static final Field<Boolean> EMAIL_VERIFIED = field(name("account_identity", "email_verified"), Boolean.class);

	static final Field<String> DISPLAY_NAME = field(name("account_identity", "display_name"), String.class);

	static final Field<Long> CREATED_AT = field(name("account_identity", "created_at"), Long.class);

	private final DSLContext db;

	Identities(DSLContext db) {
		this.db = db;
	}

	public Optional<Long> accountOf(String provider, String subject) {
		return db.select(ACCOUNT_ID)
			.from(IDENTITY)
			.where(PROVIDER.eq(provider).and(SUBJECT.eq(subject)))
			.fetchOptional(ACCOUNT_ID);
	}

	public void link(long accountId, ExternalProfile profile, Instant now) {
		db.insertInto(IDENTITY)
			.columns(ACCOUNT_ID, PROVIDER, SUBJECT, EMAIL, EMAIL_VERIFIED, DISPLAY_NAME, CREATED_AT)
			.values(accountId, profile.registrationId(), profile.subject(), profile.email(), profile.emailVerified(),
					profile.displayName(), now.toEpochMilli())
			.execute();
	}

	public int countFor(long accountId) {
		return db.fetchCount(IDENTITY, ACCOUNT_ID.eq(accountId));
	}

}
