package org.veche.identity.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.springframework.stereotype.Repository;
import org.veche.schema.tables.AccountToken;

/**
 * The one-time links mailed to readers. As with API tokens only a SHA-256 is stored; a
 * link is spent by one conditional update, so two clicks racing can never both succeed.
 */
@Repository
public class AccountTokens {

	/** What a link is for; each kind is accepted only where it belongs. */
	public enum Purpose {

		VERIFY_EMAIL, RESET_PASSWORD, CHANGE_EMAIL

	}

	/** A spent link: whose account, and for a change of address, the new one. */
	public record Use(long accountId, String newEmail) {
	}

	private static final AccountToken ACCOUNT_TOKEN = AccountToken.ACCOUNT_TOKEN;

	private static final Field<Long> ACCOUNT_ID = ACCOUNT_TOKEN.ACCOUNT_ID;

	private static final Field<String> PURPOSE = ACCOUNT_TOKEN.PURPOSE;

	private static final Field<String> TOKEN_HASH = ACCOUNT_TOKEN.TOKEN_HASH;

	private static final Field<String> NEW_EMAIL = ACCOUNT_TOKEN.NEW_EMAIL;

	private static final Field<Long> CREATED_AT = ACCOUNT_TOKEN.CREATED_AT;

	private static final Field<Long> EXPIRES_AT = ACCOUNT_TOKEN.EXPIRES_AT;

	private static final Field<Long> USED_AT = ACCOUNT_TOKEN.USED_AT;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final DSLContext db;

	private final Clock clock;

	AccountTokens(DSLContext db, Clock clock) {
		this.db = db;
		this.clock = clock;
	}

	/** Makes a link token; this is the only time it exists in the clear. */
	public String issue(long accountId, Purpose purpose, String newEmail, Duration lifetime) {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		long now = clock.millis();
		db.insertInto(ACCOUNT_TOKEN)
			.columns(ACCOUNT_ID, PURPOSE, TOKEN_HASH, NEW_EMAIL, CREATED_AT, EXPIRES_AT)
			.values(accountId, purpose.name(), ApiTokens.hash(token), newEmail, now, now + lifetime.toMillis())
			.execute();
		return token;
	}

	/**
	 * Whether the token is live, without spending it (the reset form asks before the new
	 * password is typed).
	 */
	public boolean isLive(String token, Purpose purpose) {
		return token != null && !token.isBlank() && db.fetchExists(ACCOUNT_TOKEN, live(token, purpose));
	}

	/** Spends a live token once. */
	public Optional<Use> spend(String token, Purpose purpose) {
		if (token == null || token.isBlank() || token.length() > 100) {
			return Optional.empty();
		}
		var found = db.select(ACCOUNT_ID, NEW_EMAIL).from(ACCOUNT_TOKEN).where(live(token, purpose)).fetchOptional();
		if (found.isEmpty()) {
			return Optional.empty();
		}
		int spent = db.update(ACCOUNT_TOKEN).set(USED_AT, clock.millis()).where(live(token, purpose)).execute();
		return spent == 1 ? found.map(r -> new Use(r.get(ACCOUNT_ID), r.get(NEW_EMAIL))) : Optional.empty();
	}

	/**
	 * Spends every other live link of the kind, so that an older mail cannot undo a newer
	 * choice.
	 */
	public void spendAll(long accountId, Purpose purpose) {
		db.update(ACCOUNT_TOKEN)
			.set(USED_AT, clock.millis())
			.where(ACCOUNT_ID.eq(accountId).and(PURPOSE.eq(purpose.name())).and(USED_AT.isNull()))
			.execute();
	}

	private org.jooq.Condition live(String token, Purpose purpose) {
		return TOKEN_HASH.eq(ApiTokens.hash(token))
			.and(PURPOSE.eq(purpose.name()))
			.and(USED_AT.isNull())
			.and(EXPIRES_AT.gt(clock.millis()));
	}

}
