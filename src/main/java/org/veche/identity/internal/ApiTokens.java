package org.veche.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.springframework.stereotype.Repository;
import org.veche.identity.ApiToken;

/**
 * Personal API tokens. Only a SHA-256 of each token is stored: a token is random enough
 * that a slow hash adds nothing, and a stolen table gives no usable token.
 */
@Repository
public class ApiTokens {

	private static final org.veche.schema.tables.ApiToken API_TOKEN = org.veche.schema.tables.ApiToken.API_TOKEN;

	private static final Field<Long> ID = API_TOKEN.ID;

	private static final Field<Long> ACCOUNT_ID = API_TOKEN.ACCOUNT_ID;

	private static final Field<String> NAME = API_TOKEN.NAME;

	private static final Field<String> TOKEN_HASH = API_TOKEN.TOKEN_HASH;

	private static final Field<Long> CREATED_AT = API_TOKEN.CREATED_AT;

	private static final Field<Long> LAST_USED_AT = API_TOKEN.LAST_USED_AT;

	private static final Field<Long> REVOKED_AT = API_TOKEN.REVOKED_AT;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final DSLContext db;

	private final Clock clock;

	ApiTokens(DSLContext db, Clock clock) {
		this.db = db;
		this.clock = clock;
	}

	/**
	 * Makes a token for the account and returns it: this is the only time it exists in
	 * the clear.
	 */
	public String issue(long accountId, String name) {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String token = "vch_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		db.insertInto(API_TOKEN)
			.columns(ACCOUNT_ID, NAME, TOKEN_HASH, CREATED_AT)
			.values(accountId, name, hash(token), clock.millis())
			.execute();
		return token;
	}

	/**
	 * The account a live token belongs to; notes the use at most once a minute to spare
	 * the writer.
	 */
	public Optional<Long> accountFor(String token) {
		long now = clock.millis();
		var found = db.select(ID, ACCOUNT_ID, LAST_USED_AT)
			.from(API_TOKEN)
			.where(TOKEN_HASH.eq(hash(token)).and(REVOKED_AT.isNull()))
			.fetchOptional();
		found.ifPresent(r -> {
			Long lastUsed = r.get(LAST_USED_AT);
			if (lastUsed == null || now - lastUsed > 60_000) {
				db.update(API_TOKEN).set(LAST_USED_AT, now).where(ID.eq(r.get(ID))).execute();
			}
		});
		return found.map(r -> r.get(ACCOUNT_ID));
	}

	/** The account's live tokens, newest first. */
	public List<ApiToken> list(long accountId) {
		return db.select(ID, NAME, CREATED_AT, LAST_USED_AT)
			.from(API_TOKEN)
			.where(ACCOUNT_ID.eq(accountId).and(REVOKED_AT.isNull()))
			.orderBy(CREATED_AT.desc(), ID.desc())
			.fetch(r -> new ApiToken(r.get(ID), r.get(NAME), Instant.ofEpochMilli(r.get(CREATED_AT)),
					r.get(LAST_USED_AT) == null ? null : Instant.ofEpochMilli(r.get(LAST_USED_AT))));
	}

	/** Revokes one of the account's own tokens; false when it has no such live token. */
	public boolean revoke(long accountId, long tokenId) {
		return db.update(API_TOKEN)
			.set(REVOKED_AT, clock.millis())
			.where(ID.eq(tokenId).and(ACCOUNT_ID.eq(accountId)).and(REVOKED_AT.isNull()))
			.execute() == 1;
	}

	static String hash(String token) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
