package org.veche.identity.internal;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import org.veche.identity.Account;
import org.veche.identity.Role;

/**
 * The account table.
 */
@Repository
public class Accounts {

	static final org.veche.schema.tables.Account ACCOUNT = org.veche.schema.tables.Account.ACCOUNT;

	static final Field<Long> ID = ACCOUNT.ID;

	static final Field<String> EMAIL = ACCOUNT.EMAIL;

	static final Field<String> PASSWORD_HASH = ACCOUNT.PASSWORD_HASH;

	static final Field<String> DISPLAY_NAME = ACCOUNT.DISPLAY_NAME;

	static final Field<String> ROLE = ACCOUNT.ROLE;

	static final Field<Long> CREATED_AT = ACCOUNT.CREATED_AT;

	static final Field<Long> SUSPENDED_AT = ACCOUNT.SUSPENDED_AT;

	static final Field<Long> EMAIL_VERIFIED_AT = ACCOUNT.EMAIL_VERIFIED_AT;

	/**
	 * What {@link #account(Record)} reads: every query that makes an Account selects
	 * exactly these.
	 */
	private static final List<Field<?>> ACCOUNT_FIELDS = List.of(ID, EMAIL, DISPLAY_NAME, ROLE, CREATED_AT,
			SUSPENDED_AT, EMAIL_VERIFIED_AT);

	private final DSLContext db;

	Accounts(DSLContext db) {
		this.db = db;
	}

	public static String normalizeEmail(String email) {
		return email.strip().toLowerCase(Locale.ROOT);
	}

	public boolean any() {
		return db.fetchExists(ACCOUNT);
	}

	public Optional<Account> byId(long id) {
		return db.select(ACCOUNT_FIELDS).from(ACCOUNT).where(ID.eq(id)).fetchOptional(Accounts::account);
	}

	/** The account and its password hash, for checking a password. */
	public Optional<Credentials> credentials(String email) {
		return db.select(ACCOUNT_FIELDS)
			.select(PASSWORD_HASH)
			.from(ACCOUNT)
			.where(EMAIL.eq(normalizeEmail(email)))
			.fetchOptional(r -> new Credentials(account(r), r.get(PASSWORD_HASH)));
	}

	/** Adds an account made by the owner or staff, whose address counts as verified. */
	public long add(String email, String passwordHash, String displayName, Role role, Instant now) {
		return insert(email, passwordHash, displayName, role, now, now.toEpochMilli());
	}

	/** Adds a reader's self-made account, unverified until its link is followed. */
	public long addUnverified(String email, String passwordHash, String displayName, Instant now) {
		return insert(email, passwordHash, displayName, Role.READER, now, null);
	}

	private long insert(String email, String passwordHash, String displayName, Role role, Instant now,
			Long verifiedAt) {
		return db.insertInto(ACCOUNT)
			.columns(EMAIL, PASSWORD_HASH, DISPLAY_NAME, ROLE, CREATED_AT, EMAIL_VERIFIED_AT)
			.values(normalizeEmail(email), passwordHash, displayName, role.name(), now.toEpochMilli(), verifiedAt)
			.returningResult(ID)
			.fetchOne(ID);
	}

	/**
	 * Accounts whose e-mail or name contains the query (any case), newest first; all of
	 * them for a blank query.
	 */
	public List<Account> search(String query, int offset, int limit) {
		return db.select(ACCOUNT_FIELDS)
			.from(ACCOUNT)
			.where(matching(query))
			.orderBy(CREATED_AT.desc(), ID.desc())
			.limit(limit)
			.offset(offset)
			.fetch(Accounts::account);
	}

	public long countMatching(String query) {
		return db.fetchCount(ACCOUNT, matching(query));
	}

	private static Condition matching(String query) {
		if (query == null || query.isBlank()) {
			return DSL.noCondition();
		}
		// jOOQ escapes % and _ in the query, so they match themselves
		String q = query.strip();
		return EMAIL.containsIgnoreCase(q).or(DISPLAY_NAME.containsIgnoreCase(q));
	}

	public void setRole(long id, Role role) {
		db.update(ACCOUNT).set(ROLE, role.name()).where(ID.eq(id)).execute();
	}

	/** Suspends the account at the given time, or lifts the suspension with null. */
	public void setSuspended(long id, Instant at) {
		db.update(ACCOUNT).set(SUSPENDED_AT, at == null ? null : at.toEpochMilli()).where(ID.eq(id)).execute();
	}

	/** Administrators who can still sign in. */
	public long countActiveAdministrators() {
		return db.fetchCount(ACCOUNT, ROLE.eq(Role.ADMINISTRATOR.name()).and(SUSPENDED_AT.isNull()));
	}

	public Optional<String> passwordHash(long id) {
		return db.select(PASSWORD_HASH).from(ACCOUNT).where(ID.eq(id)).fetchOptional(PASSWORD_HASH);
	}

	public void markVerified(long id, Instant now) {
		db.update(ACCOUNT)
			.set(EMAIL_VERIFIED_AT, now.toEpochMilli())
			.where(ID.eq(id).and(EMAIL_VERIFIED_AT.isNull()))
			.execute();
	}

	public void setPasswordHash(long id, String passwordHash) {
		db.update(ACCOUNT).set(PASSWORD_HASH, passwordHash).where(ID.eq(id)).execute();
	}

	public void setDisplayName(long id, String displayName) {
		db.update(ACCOUNT).set(DISPLAY_NAME, displayName).where(ID.eq(id)).execute();
	}

	/**
	 * Moves the account to a confirmed address; false when another account took it
	 * meanwhile.
	 */
	public boolean setEmail(long id, String email, Instant now) {
		String address = normalizeEmail(email);
		if (db.fetchExists(ACCOUNT, EMAIL.eq(address).and(ID.ne(id)))) {
			return false;
		}
		try {
			return db.update(ACCOUNT)
				.set(EMAIL, address)
				.set(EMAIL_VERIFIED_AT, now.toEpochMilli())
				.where(ID.eq(id))
				.execute() == 1;
		}
		catch (org.springframework.dao.DataIntegrityViolationException ex) {
			return false;
		}
	}

	private static Account account(Record r) {
		return new Account(r.get(ID), r.get(EMAIL), r.get(DISPLAY_NAME), Role.valueOf(r.get(ROLE)),
				Instant.ofEpochMilli(r.get(CREATED_AT)), r.get(SUSPENDED_AT) != null, r.get(EMAIL_VERIFIED_AT) != null);
	}

	public record Credentials(Account account, String passwordHash) {
	}

}
