package org.veche.moderation.statistics;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import org.veche.moderation.Decision;

/**
 * How long held comments waited for a moderator, from the action log and the reasons the
 * comments were held for (both the moderation module's tables). A wait runs from the
 * latest hold before the decision (the reasons' time: when the comment was posted, for
 * one held on arrival; when readers' reports or a raid held it, for one held later) to
 * the decision that took the comment out of the queue, which the log writes as "pending →
 * ...". The percentiles are taken by the database (nearest rank, with window functions
 * that SQLite and PostgreSQL both have) over the decisions of the period only.
 */
@Repository
class DecisionTimes {

	private static final long DAY = 86_400_000L;

	private static final String DECISIONS = Arrays.stream(Decision.values())
		.map(d -> "'" + d.param() + "'")
		.collect(Collectors.joining(", "));

	private final DSLContext db;

	DecisionTimes(DSLContext db) {
		this.db = db;
	}

	/**
	 * The day's decided count, median and 90th percentile wait, by the day of the
	 * decision.
	 */
	Map<LocalDate, Waits> perDay(long from, long to, long offset) {
		// the offset is a number the site chose, written into the SQL so that the day is
		// one expression
		String sql = """
				SELECT decided_on, total, n, wait FROM (
				  SELECT decided_on, wait, ROW_NUMBER() OVER (PARTITION BY decided_on ORDER BY wait) AS n,
				         COUNT(*) OVER (PARTITION BY decided_on) AS total
				  FROM (
				    SELECT (a.created_at + %d) / %d AS decided_on,
				           a.created_at - (SELECT MAX(r.created_at) FROM comment_reason r
				                           WHERE r.comment_id = a.comment_id AND r.created_at <= a.created_at) AS wait
				    FROM moderation_action a
				    WHERE a.created_at >= ? AND a.created_at < ? AND a.comment_id IS NOT NULL
				      AND a.action IN (%s) AND a.detail LIKE 'pending %%'
				  ) decided
				  WHERE wait IS NOT NULL
				) ranked
				WHERE n = (total + 1) / 2 OR n = (9 * total + 9) / 10
				ORDER BY decided_on, n""".formatted(offset, DAY, DECISIONS);
		var waits = new HashMap<LocalDate, Waits>();
		db.fetch(sql, from, to).forEach(r -> {
			LocalDate day = LocalDate.ofEpochDay(r.get("decided_on", Long.class));
			long total = r.get("total", Long.class);
			long n = r.get("n", Long.class);
			Duration wait = Duration.ofMillis(r.get("wait", Long.class));
			Waits known = waits.getOrDefault(day, new Waits((int) total, null, null));
			waits.put(day, new Waits(known.decided(), n == (total + 1) / 2 ? wait : known.median(),
					n == (9 * total + 9) / 10 ? wait : known.ninetieth()));
		});
		return waits;
	}

	record Waits(int decided, Duration median, Duration ninetieth) {
	}

}
