package org.veche.moderation.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.springframework.stereotype.Repository;
import org.veche.schema.tables.Surge;
import org.veche.schema.tables.SurgeThread;

/**
 * Surges as the database keeps them ({@code surge}, {@code surge_thread}), so that every
 * node of a site sees the same one. At most one is in force: its {@code active} column is
 * 1, and unique, until it is lifted (NULL).
 */
@Repository
public class Surges {

	/**
	 * A surge in force, as stored. @param seenAt when a post last showed the attack (kept
	 * up to a minute late)
	 */
	public record Stored(long id, Instant startedAt, Instant seenAt, boolean siteWide, int comments, int addresses,
			Set<Long> threads) {
	}

	private static final Surge SURGE = Surge.SURGE;

	private static final Field<Long> ID = SURGE.ID;

	private static final Field<Integer> ACTIVE = SURGE.ACTIVE;

	private static final Field<Long> STARTED_AT = SURGE.STARTED_AT;

	private static final Field<Long> SEEN_AT = SURGE.SEEN_AT;

	private static final Field<Integer> SITE_WIDE = SURGE.SITE_WIDE;

	private static final Field<Integer> COMMENTS = SURGE.COMMENTS;

	private static final Field<Integer> ADDRESSES = SURGE.ADDRESSES;

	private static final Field<Long> LIFTED_AT = SURGE.LIFTED_AT;

	private static final SurgeThread THREAD = SurgeThread.SURGE_THREAD;

	private static final Field<Long> SURGE_ID = THREAD.SURGE_ID;

	private static final Field<Long> ARTICLE_ID = THREAD.ARTICLE_ID;

	private final DSLContext db;

	Surges(DSLContext db) {
		this.db = db;
	}

	/**
	 * Starts a surge, unless one is in force (started by another post meanwhile, on any
	 * node).
	 * @return its id, or empty when another is in force
	 */
	Optional<Long> start(Instant at, boolean siteWide, int comments, int addresses, Collection<Long> threads) {
		Optional<Long> id = db.insertInto(SURGE)
			.set(ACTIVE, 1)
			.set(STARTED_AT, at.toEpochMilli())
			.set(SEEN_AT, at.toEpochMilli())
			.set(SITE_WIDE, siteWide ? 1 : 0)
			.set(COMMENTS, comments)
			.set(ADDRESSES, addresses)
			.onConflictDoNothing()
			.returningResult(ID)
			.fetchOptional(ID);
		id.ifPresent(surge -> addThreads(surge, threads));
		return id;
	}

	/**
	 * The surge in force, if any (whether or not it has been quiet long enough to lift).
	 */
	Optional<Stored> active() {
		return db.select(ID, STARTED_AT, SEEN_AT, SITE_WIDE, COMMENTS, ADDRESSES)
			.from(SURGE)
			.where(ACTIVE.eq(1))
			.fetchOptional(r -> new Stored(r.get(ID), Instant.ofEpochMilli(r.get(STARTED_AT)),
					Instant.ofEpochMilli(r.get(SEEN_AT)), r.get(SITE_WIDE) == 1, r.get(COMMENTS), r.get(ADDRESSES),
					threads(r.get(ID))));
	}

	/**
	 * Whether the surge in force, still within its quiet period, holds new identities'
	 * comments on the thread. Read on every new identity's post: one query while no surge
	 * is in force.
	 */
	boolean holds(long articleId, Instant quietSince) {
		var surge = db.select(ID, SITE_WIDE)
			.from(SURGE)
			.where(ACTIVE.eq(1).and(SEEN_AT.ge(quietSince.toEpochMilli())))
			.fetchOne();
		if (surge == null) {
			return false;
		}
		return surge.get(SITE_WIDE) == 1
				|| db.fetchExists(THREAD, SURGE_ID.eq(surge.get(ID)).and(ARTICLE_ID.eq(articleId)));
	}

	private Set<Long> threads(long surgeId) {
		return new LinkedHashSet<>(
				db.select(ARTICLE_ID).from(THREAD).where(SURGE_ID.eq(surgeId)).orderBy(ARTICLE_ID).fetch(ARTICLE_ID));
	}

	void addThreads(long surgeId, Collection<Long> threads) {
		for (long thread : threads) {
			db.insertInto(THREAD).set(SURGE_ID, surgeId).set(ARTICLE_ID, thread).onConflictDoNothing().execute();
		}
	}

	/**
	 * Widens a surge to the whole site. @return whether this call did (another post may
	 * have, meanwhile)
	 */
	boolean widen(long surgeId) {
		return db.update(SURGE).set(SITE_WIDE, 1).where(ID.eq(surgeId).and(SITE_WIDE.eq(0))).execute() == 1;
	}

	/**
	 * The attack goes on: the surge is seen now, with the largest evidence seen. On
	 * PostgreSQL a row another post is updating at this moment is left to it rather than
	 * waited for.
	 */
	void seen(long surgeId, Instant at, int comments, int addresses) {
		var update = db.update(SURGE)
			.set(SEEN_AT, at.toEpochMilli())
			.set(COMMENTS, org.jooq.impl.DSL.greatest(COMMENTS, org.jooq.impl.DSL.val(comments)))
			.set(ADDRESSES, org.jooq.impl.DSL.greatest(ADDRESSES, org.jooq.impl.DSL.val(addresses)));
		if (db.dialect().family() == SQLDialect.POSTGRES) {
			var free = db.select(ID).from(SURGE).where(ID.eq(surgeId)).forUpdate().skipLocked();
			update.where(ID.in(free)).execute();
		}
		else {
			update.where(ID.eq(surgeId)).execute();
		}
	}

	/** Whether the surge in force, if any, has shown nothing since the instant. */
	boolean quietSince(Instant since) {
		return db.fetchExists(SURGE, ACTIVE.eq(1).and(SEEN_AT.lt(since.toEpochMilli())));
	}

	/**
	 * Lifts a surge in force.
	 * @param quietSince lift it only if nothing has shown the attack since then, or null
	 * to lift it in any case
	 * @return whether this call lifted it (another node, or moderator, may have first)
	 */
	boolean lift(long surgeId, Instant at, Instant quietSince) {
		var where = ID.eq(surgeId).and(ACTIVE.eq(1));
		if (quietSince != null) {
			where = where.and(SEEN_AT.lt(quietSince.toEpochMilli()));
		}
		return db.update(SURGE)
			.set(ACTIVE, (Integer) null)
			.set(LIFTED_AT, at.toEpochMilli())
			.where(where)
			.execute() == 1;
	}

}
