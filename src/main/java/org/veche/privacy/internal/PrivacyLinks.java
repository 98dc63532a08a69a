package org.veche.privacy.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.springframework.stereotype.Repository;
import org.veche.schema.tables.PrivacyLink;

/**
 * The privacy_link table: single-use links mailed to guests. Only a SHA-256 of each token
 * is stored, so a copy of the database opens no one's data; the address is deleted with
 * the row once the link is used or expires.
 */
@Repository
public class PrivacyLinks {

	private static final PrivacyLink LINK = PrivacyLink.PRIVACY_LINK;

	private static final Field<Long> ID = LINK.ID;

	private static final Field<String> TOKEN_HASH = LINK.TOKEN_HASH;

	private static final Field<String> EMAIL = LINK.EMAIL;

	private static final Field<Long> CREATED_AT = LINK.CREATED_AT;

	private static final Field<Long> EXPIRES_AT = LINK.EXPIRES_AT;

	private static final Field<Long> USED_AT = LINK.USED_AT;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final DSLContext db;

	PrivacyLinks(DSLContext db) {
		this.db = db;
	}

	/**
	 * @return the token to put into the link
	 */
	public String issue(String email, Instant now, Instant expires) {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		db.insertInto(LINK)
			.columns(TOKEN_HASH, EMAIL, CREATED_AT, EXPIRES_AT)
			.values(hash(token), email, now.toEpochMilli(), expires.toEpochMilli())
			.execute();
		return token;
	}

	/**
	 * Whether a link for the address was issued since the instant (one at a time, so no
	 * one mails a stranger).
	 */
	public boolean issuedSince(String email, Instant since) {
		return db.fetchExists(LINK, EMAIL.eq(email).and(CREATED_AT.ge(since.toEpochMilli())));
	}

	/** The address of a link that is unused and unexpired. */
	public Optional<String> valid(String token, Instant now) {
		return db.select(EMAIL)
			.from(LINK)
			.where(TOKEN_HASH.eq(hash(token)).and(USED_AT.isNull()).and(EXPIRES_AT.gt(now.toEpochMilli())))
			.fetchOptional(EMAIL);
	}

	/**
	 * @return whether this call used the link (a second, racing call gets false)
	 */
	public boolean use(String token, Instant now) {
		return db.update(LINK)
			.set(USED_AT, now.toEpochMilli())
			.set(EMAIL, "")
			.where(TOKEN_HASH.eq(hash(token)).and(USED_AT.isNull()).and(EXPIRES_AT.gt(now.toEpochMilli())))
			.execute() == 1;
	}

	/** Deletes used and expired links. */
	public int deleteExpired(Instant now) {
		return db.deleteFrom(LINK).where(EXPIRES_AT.le(now.toEpochMilli()).or(USED_AT.isNotNull())).execute();
	}

	private static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
