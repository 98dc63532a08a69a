package org.veche.moderation.internal;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.veche.schema.tables.RaidPremoderation;
import org.veche.schema.tables.RaidRecent;

/**
 * Finds raids: a burst of near-duplicate comments from new identities on one thread
 * within a short window. The recent comments of each thread are kept as MinHash
 * signatures only (no text), for the window, and a thread under a raid is pre-moderated
 * for a while. Both are kept in the database ({@code raid_recent},
 * {@code raid_premoderation}), in the comment's own transaction, so that a raid spread by
 * a load balancer over several nodes is seen as one burst.
 */
@Component
public class RaidDetector {

	/** One recent comment on a thread. @param cluster the raid it was found in, or 0 */
	private record Recent(long commentId, long[] signature, long cluster) {
	}

	/**
	 * A raid found: its cluster (the id of its first comment) and the earlier comments
	 * that join it now (those already in the cluster were held and marked when they
	 * joined).
	 */
	public record Raid(long cluster, List<Long> earlier) {
	}

	/**
	 * How many of a thread's newest comments of new identities a new one is compared
	 * with. A burst shows among the newest; without a bound, every post of a long raid
	 * would read and compare every signature of the window (a kilobyte each), so each
	 * post would cost more than the one before.
	 */
	static final int COMPARED = 256;

	/**
	 * How far a thread's pre-moderation may lag behind the newest comment of its raid:
	 * every post of a raid would otherwise rewrite the thread's one row, and concurrent
	 * posts (on every node) would queue on its lock.
	 */
	private static final Duration EXTEND_EVERY = Duration.ofMinutes(1);

	/**
	 * How often this node clears the signatures that have left the window (the check
	 * ignores them anyway).
	 */
	private static final Duration PURGE_EVERY = Duration.ofSeconds(10);

	private static final RaidRecent RECENT = RaidRecent.RAID_RECENT;

	private static final Field<Long> COMMENT_ID = RECENT.COMMENT_ID;

	private static final Field<Long> ARTICLE_ID = RECENT.ARTICLE_ID;

	private static final Field<byte[]> SIGNATURE = RECENT.SIGNATURE;

	private static final Field<Long> POSTED_AT = RECENT.POSTED_AT;

	private static final Field<Long> CLUSTER = RECENT.CLUSTER_ID;

	private static final Field<String> ADDRESS_HASH = RECENT.ADDRESS_HASH;

	private static final RaidPremoderation PREMODERATION = RaidPremoderation.RAID_PREMODERATION;

	private static final Field<Long> PREMODERATED_ARTICLE = PREMODERATION.ARTICLE_ID;

	private static final Field<Long> UNTIL = PREMODERATION.UNTIL_AT;

	private final DSLContext db;

	private final ModerationProperties settings;

	/** When this node last cleared old signatures, epoch milliseconds. */
	private final AtomicLong purgedAt = new AtomicLong();

	private final JdbcClient jdbc;

	RaidDetector(DSLContext db, JdbcClient jdbc, ModerationProperties settings) {
		this.db = db;
		this.jdbc = jdbc;
		this.settings = settings;
	}

	/**
	 * The text's signature, or null when it is too short to count (taken once, for both
	 * check and remember).
	 */
	public long[] signature(String body) {
		return counts(body) ? Shingles.signature(body) : null;
	}

	/**
	 * Whether two signatures are of near-duplicate texts, by the raid detector's measure.
	 */
	public boolean alike(long[] a, long[] b) {
		return Shingles.similarity(a, b) >= settings.raidSimilarity();
	}

	/**
	 * Whether this new identity's comment (its {@link #signature}) joins a burst of
	 * near-duplicates on the thread.
	 */
	public Optional<Raid> check(long articleId, long[] signature, Instant now, int size) {
		if (size <= 0 || signature == null) {
			return Optional.empty();
		}
		List<Recent> alike = recent(articleId, now).stream()
			.filter(r -> Shingles.similarity(r.signature(), signature) >= settings.raidSimilarity())
			.toList();
		if (alike.size() + 1 < size) {
			return Optional.empty();
		}
		long cluster = alike.stream()
			.mapToLong(Recent::cluster)
			.filter(c -> c != 0)
			.min()
			.orElse(alike.getFirst().commentId());
		return Optional
			.of(new Raid(cluster, alike.stream().filter(r -> r.cluster() != cluster).map(Recent::commentId).toList()));
	}

	/**
	 * Remembers a new identity's comment for the window, and marks a raid's members as
	 * found.
	 * @return the earlier comments this post marked as members of the raid: not those
	 * that another post is marking at the same moment (that post holds them, and tells
	 * the moderators why)
	 */
	public List<Long> remember(long articleId, long commentId, long[] signature, Instant at, Raid raid) {
		return remember(articleId, commentId, signature, at, raid, null);
	}

	/**
	 * The same, with the keyed hash of the author's address, which surge mode counts
	 * (gone with the signature when it leaves the window).
	 */
	public List<Long> remember(long articleId, long commentId, long[] signature, Instant at, Raid raid,
			String addressHash) {
		if (signature == null) {
			return List.of();
		}
		purgeOld(at);
		List<Long> joined = raid == null || raid.earlier().isEmpty() ? List.of() : mark(raid);
		db.insertInto(RECENT)
			.set(COMMENT_ID, commentId)
			.set(ARTICLE_ID, articleId)
			.set(SIGNATURE, bytes(signature))
			.set(POSTED_AT, at.toEpochMilli())
			.set(CLUSTER, raid == null ? 0L : raid.cluster())
			.set(ADDRESS_HASH, addressHash)
			.onConflictDoNothing()
			.execute();
		if (raid != null) {
			long until = at.plus(settings.raidPremoderation()).toEpochMilli();
			boolean extended = premoderatedUntil(articleId, at)
				.filter(held -> held.toEpochMilli() >= until - EXTEND_EVERY.toMillis())
				.isPresent();
			if (!extended) {
				db.insertInto(PREMODERATION)
					.set(PREMODERATED_ARTICLE, articleId)
					.set(UNTIL, until)
					.onConflict(PREMODERATED_ARTICLE)
					.doUpdate()
					.set(UNTIL, until)
					.execute();
			}
		}
		return joined;
	}

	private List<Long> mark(Raid raid) {
		Condition unmarked = COMMENT_ID.in(raid.earlier()).and(CLUSTER.ne(raid.cluster()));
		if (db.dialect().family() == SQLDialect.POSTGRES) {
			// concurrent posts of a raid find the same earlier comments; waiting for each
			// other's commits to mark them would queue every post behind the others (and
			// could deadlock), so rows being marked are skipped
			var free = db.select(COMMENT_ID).from(RECENT).where(unmarked).forUpdate().skipLocked();
			return db.update(RECENT)
				.set(CLUSTER, raid.cluster())
				.where(COMMENT_ID.in(free))
				.returningResult(COMMENT_ID)
				.fetch()
				.getValues(COMMENT_ID);
		}
		// SQLite: one writer at a time, nobody else is marking
		List<Long> ids = db.select(COMMENT_ID).from(RECENT).where(unmarked).fetch(COMMENT_ID);
		if (!ids.isEmpty()) {
			db.update(RECENT).set(CLUSTER, raid.cluster()).where(COMMENT_ID.in(ids)).execute();
		}
		return ids;
	}

	/**
	 * Clears the signatures that have left the window, of every thread, at most once
	 * every {@link #PURGE_EVERY} on this node: once per post, concurrent posts would each
	 * try to delete the same rows and wait on each other.
	 */
	private void purgeOld(Instant at) {
		long last = purgedAt.get();
		if (at.toEpochMilli() - last < PURGE_EVERY.toMillis() || !purgedAt.compareAndSet(last, at.toEpochMilli())) {
			return;
		}
		db.deleteFrom(RECENT).where(POSTED_AT.lt(at.minus(settings.raidWindow()).toEpochMilli())).execute();
	}

	/** Until when a thread under a raid holds every comment, if it is under one now. */
	public Optional<Instant> premoderatedUntil(long articleId, Instant now) {
		// every post asks this: plain SQL (jOOQ would render it afresh each time)
		return jdbc.sql("select until_at from raid_premoderation where article_id = ? and until_at > ?")
			.params(articleId, now.toEpochMilli())
			.query(Long.class)
			.optional()
			.map(Instant::ofEpochMilli);
	}

	/** Threads pre-moderated by a raid now, with until when. */
	public Map<Long, Instant> premoderated(Instant now) {
		var threads = new LinkedHashMap<Long, Instant>();
		db.select(PREMODERATED_ARTICLE, UNTIL)
			.from(PREMODERATION)
			.where(UNTIL.gt(now.toEpochMilli()))
			.orderBy(PREMODERATED_ARTICLE)
			.forEach(r -> threads.put(r.get(PREMODERATED_ARTICLE), Instant.ofEpochMilli(r.get(UNTIL))));
		return threads;
	}

	private List<Recent> recent(long articleId, Instant now) {
		// the window's edge as before: a comment exactly one window old still counts
		long since = now.minus(settings.raidWindow()).toEpochMilli();
		var newest = db.select(COMMENT_ID, SIGNATURE, CLUSTER)
			.from(RECENT)
			.where(ARTICLE_ID.eq(articleId).and(POSTED_AT.ge(since)))
			.orderBy(POSTED_AT.desc(), COMMENT_ID.desc())
			.limit(COMPARED)
			.fetch(r -> new Recent(r.get(COMMENT_ID), longs(r.get(SIGNATURE)), r.get(CLUSTER)));
		return newest.reversed();
	}

	/**
	 * A recent comment of a new identity anywhere on the site, as surge mode compares it.
	 */
	record Signed(long commentId, long articleId, String addressHash, long[] signature) {
	}

	/**
	 * The site's newest comments of new identities within the window, at most
	 * {@link #COMPARED} of them, so that a post's comparison across threads costs the
	 * same at the end of a long attack as at its start.
	 */
	List<Signed> recentSiteWide(Instant now) {
		long since = now.minus(settings.raidWindow()).toEpochMilli();
		return db.select(COMMENT_ID, ARTICLE_ID, ADDRESS_HASH, SIGNATURE)
			.from(RECENT)
			.where(POSTED_AT.ge(since))
			.orderBy(POSTED_AT.desc())
			.limit(COMPARED)
			.fetch(r -> new Signed(r.get(COMMENT_ID), r.get(ARTICLE_ID), r.get(ADDRESS_HASH), longs(r.get(SIGNATURE))));
	}

	private boolean counts(String body) {
		return Shingles.fold(body).length() >= settings.raidMinLength();
	}

	private static byte[] bytes(long[] signature) {
		var buffer = ByteBuffer.allocate(signature.length * Long.BYTES);
		buffer.asLongBuffer().put(signature);
		return buffer.array();
	}

	private static long[] longs(byte[] bytes) {
		long[] signature = new long[bytes.length / Long.BYTES];
		ByteBuffer.wrap(bytes).asLongBuffer().get(signature);
		return signature;
	}

}
