package org.veche.embed.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.springframework.stereotype.Repository;
import org.veche.schema.tables.EmbedToken;

/**
 * The embed_token table: a reader's sign-in for the embedded discussion on one site. A
 * cookie of this site would be a third-party cookie there (refused by most browsers), so
 * the embed sends this token instead; it can only comment and like, never act on the rest
 * of the account. Only a SHA-256 of each token is stored.
 */
@Repository
public class EmbedTokens {

	/** How long a sign-in in the embed lasts before the reader signs in again. */
	public static final Duration LIFETIME = Duration.ofDays(30);

	static final EmbedToken TOKEN = EmbedToken.EMBED_TOKEN;

	static final Field<String> TOKEN_HASH = TOKEN.TOKEN_HASH;

	static final Field<Long> ACCOUNT_ID = TOKEN.ACCOUNT_ID;

	static final Field<String> PROVIDER = TOKEN.PROVIDER;

	static final Field<String> ORIGIN = TOKEN.ORIGIN;

	static final Field<Long> CREATED_AT = TOKEN.CREATED_AT;

	static final Field<Long> EXPIRES_AT = TOKEN.EXPIRES_AT;

	private final DSLContext db;

	private final Clock clock;

	EmbedTokens(DSLContext db, Clock clock) {
		this.db = db;
		this.clock = clock;
	}

	/** Whose sign-in a live token is. */
	public record Holder(long accountId, String provider, String origin) {
	}

	/**
	 * Turns on the token whose SHA-256 (hex) the embed script gave the sign-in window:
	 * the script made the token and keeps it, so the token itself never passes through
	 * the window, its address or the server's answers.
	 */
	public void activate(String tokenHash, long accountId, String provider, String origin) {
		if (tokenHash == null || !tokenHash.matches("[0-9a-f]{64}")) {
			throw new IllegalArgumentException("not a SHA-256 in hex");
		}
		Instant now = clock.instant();
		db.deleteFrom(TOKEN).where(EXPIRES_AT.le(now.toEpochMilli())).execute();
		db.insertInto(TOKEN)
			.columns(TOKEN_HASH, ACCOUNT_ID, PROVIDER, ORIGIN, CREATED_AT, EXPIRES_AT)
			.values(tokenHash, accountId, provider, origin, now.toEpochMilli(), now.plus(LIFETIME).toEpochMilli())
			.onConflictDoNothing()
			.execute();
	}

	public Optional<Holder> holder(String token) {
		if (token == null || token.length() < 32 || token.length() > 100) {
			return Optional.empty();
		}
		return db.select(ACCOUNT_ID, PROVIDER, ORIGIN)
			.from(TOKEN)
			.where(TOKEN_HASH.eq(hash(token)).and(EXPIRES_AT.gt(clock.instant().toEpochMilli())))
			.fetchOptional(r -> new Holder(r.get(ACCOUNT_ID), r.get(PROVIDER), r.get(ORIGIN)));
	}

	public void revoke(String token) {
		if (token != null) {
			db.deleteFrom(TOKEN).where(TOKEN_HASH.eq(hash(token))).execute();
		}
	}

	static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
