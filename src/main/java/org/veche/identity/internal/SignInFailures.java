package org.veche.identity.internal;

import java.util.List;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.springframework.stereotype.Repository;
import org.veche.schema.tables.SignInFailure;

/**
 * Failed sign-ins in the database ({@code sign_in_failure}), so that every node of a site
 * counts the same ones.
 */
@Repository
class SignInFailures {

	private static final SignInFailure FAILURE = SignInFailure.SIGN_IN_FAILURE;

	private static final Field<String> KEY = FAILURE.THROTTLE_KEY;

	private static final Field<Long> FAILED_AT = FAILURE.FAILED_AT;

	private final DSLContext db;

	SignInFailures(DSLContext db) {
		this.db = db;
	}

	void add(String key, long at) {
		db.insertInto(FAILURE).set(KEY, key).set(FAILED_AT, at).execute();
	}

	/**
	 * The newest failures of the key after the instant, newest first, at most so many.
	 */
	List<Long> newest(String key, long after, int limit) {
		return db.select(FAILED_AT)
			.from(FAILURE)
			.where(KEY.eq(key).and(FAILED_AT.gt(after)))
			.orderBy(FAILED_AT.desc())
			.limit(limit)
			.fetch(FAILED_AT);
	}

	void forget(String key) {
		db.deleteFrom(FAILURE).where(KEY.eq(key)).execute();
	}

	/**
	 * Every failure that has left the window, whatever its key (keys seen once would stay
	 * otherwise).
	 */
	void forgetAllBefore(long before) {
		db.deleteFrom(FAILURE).where(FAILED_AT.le(before)).execute();
	}

	void forgetBefore(String key, long before) {
		db.deleteFrom(FAILURE).where(KEY.eq(key).and(FAILED_AT.le(before))).execute();
	}

}
