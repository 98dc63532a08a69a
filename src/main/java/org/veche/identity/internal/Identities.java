package org.veche.identity.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.springframework.stereotype.Repository;
import org.veche.schema.tables.AccountIdentity;

/**
 * The account_identity table: which external (provider, subject) signs into which
 * account.
 */
@Repository
public class Identities {

	static final AccountIdentity IDENTITY = AccountIdentity.ACCOUNT_IDENTITY;

	static final Field<Long> ID = IDENTITY.ID;

	static final Field<Long> ACCOUNT_ID = IDENTITY.ACCOUNT_ID;

	static final Field<String> PROVIDER = IDENTITY.PROVIDER;

	static final Field<String> SUBJECT = IDENTITY.SUBJECT;

	static final Field<String> EMAIL = IDENTITY.EMAIL;

	static final Field<Boolean> EMAIL_VERIFIED = IDENTITY.EMAIL_VERIFIED;

	static final Field<String> DISPLAY_NAME = IDENTITY.DISPLAY_NAME;

	static final Field<Long> CREATED_AT = IDENTITY.CREATED_AT;

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

	/** The account's identities, oldest link first, as rows the caller names. */
	public List<Row> of(long accountId) {
		return db.select(ID, PROVIDER, EMAIL, DISPLAY_NAME, CREATED_AT)
			.from(IDENTITY)
			.where(ACCOUNT_ID.eq(accountId))
			.orderBy(CREATED_AT, ID)
			.fetch(r -> new Row(r.get(ID), r.get(PROVIDER),
					r.get(DISPLAY_NAME) != null ? r.get(DISPLAY_NAME) : r.get(EMAIL),
					Instant.ofEpochMilli(r.get(CREATED_AT))));
	}

	/**
	 * Removes one of the account's identities; false when the account has no such
	 * identity.
	 */
	public boolean unlink(long accountId, long identityId) {
		return db.deleteFrom(IDENTITY).where(ID.eq(identityId).and(ACCOUNT_ID.eq(accountId))).execute() == 1;
	}

	public record Row(long id, String provider, String label, Instant linkedAt) {
	}

}
