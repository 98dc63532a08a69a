package org.veche.privacy.internal;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

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
import org.jooq.Record;
import org.jooq.Table;
import org.springframework.stereotype.Repository;

/**
 * The privacy_link table: single-use links mailed to guests. Only a SHA-256 of each token is stored, so a copy
 * of the database opens no one's data; the address is deleted with the row once the link is used or expires.
 */
@Repository
public class PrivacyLinks {

	private static final Table<Record> LINK = table(name("privacy_link"));

	private static final Field<Long> ID = field(name("privacy_link", "id"), Long.class);

	private static final Field<String> TOKEN_HASH = field(name("privacy_link", "token_hash"), String.class);

	private static final Field<String> EMAIL = field(name("privacy_link", "email"), String.class);

	private static final Field<Long> CREATED_AT = field(name("privacy_link", "created_at"), Long.class);

	private static final Field<Long> EXPIRES_AT = field(name("privacy_link", "expires_at"), Long.class);

	private static final Field<Long> USED_AT = field(name("privacy_link", "used_at"), Long.class);

	private static final SecureRandom RANDOM = new SecureRandom();

	private final DSLContext db;

	PrivacyLinks(DSLContext db) {
		this.db = db;
	}

	/** @return the token to put into the link */
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

	/** Whether a link for the address was issued since the instant (one at a time, so no one mails a stranger). */
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

	/** @return whether this call used the link (a second, racing call gets false) */
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
