package org.veche.moderation.transparency;

import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.countDistinct;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.min;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import org.veche.moderation.Decision;
import org.veche.moderation.Reason;
import org.veche.moderation.audit.AuditChain;

/**
 * The month's counts, each a GROUP BY over one of moderation's tables within the month's bounds (UTC); nothing
 * but counts and the rules' and reasons' names leaves the database.
 */
@Repository
class MonthlyCounts {

	private static final Field<Long> CREATED_AT = field(name("created_at"), Long.class);

	private static final Field<String> ACTION = field(name("action"), String.class);

	private static final Field<String> REASON = field(name("reason"), String.class);

	private static final Field<Long> COMMENT_ID = field(name("comment_id"), Long.class);

	private static final Field<String> OUTCOME = field(name("outcome"), String.class);

	private static final Field<Long> DECIDED_AT = field(name("decided_at"), Long.class);

	/** The rules a hold is counted under; anything else (a rule added later) is counted as "other". */
	static final List<String> RULES = List.of("links", "word", "disallowed", "premoderated", "firstComment",
			"raid", "raidThread", "surge", "filter.spam", "filter.abuse", "akismet", "reports");

	private final DSLContext db;

	private final AuditChain chain;

	MonthlyCounts(DSLContext db, AuditChain chain) {
		this.db = db;
		this.chain = chain;
	}

	static Instant start(YearMonth month) {
		return month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
	}

	MonthlyReport of(YearMonth month, boolean ended) {
		long from = start(month).toEpochMilli();
		long to = start(month.plusMonths(1)).toEpochMilli();
		// the rule is the stored reason up to its first '|' (its arguments follow), counted once per comment
		Field<String> rule = db.dialect().family() == SQLDialect.POSTGRES
				? DSL.field("split_part({0}, '|', 1)", String.class, REASON)
				: DSL.field("substr({0}, 1, instr({0} || '|', '|') - 1)", String.class, REASON);
		var held = new LinkedHashMap<String, Integer>();
		db.select(rule, countDistinct(COMMENT_ID))
			.from(table(name("comment_reason")))
			.where(CREATED_AT.ge(from).and(CREATED_AT.lt(to)))
			.groupBy(rule)
			.forEach(r -> {
				String counted = Reason.Kind.ofKey(r.value1()).rule();
				held.merge(counted != null && RULES.contains(counted) ? counted : "other", r.value2(), Integer::sum);
			});
		Map<String, Integer> reported = new LinkedHashMap<>();
		db.select(REASON, count())
			.from(table(name("comment_report")))
			.where(CREATED_AT.ge(from).and(CREATED_AT.lt(to)))
			.groupBy(REASON)
			.orderBy(REASON)
			.forEach(r -> reported.put(r.value1().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), r.value2()));
		var decisions = new LinkedHashMap<String, Integer>();
		for (Decision d : Decision.values()) {
			decisions.put(d.param(), 0);
		}
		db.select(ACTION, count())
			.from(table(name("moderation_action")))
			.where(CREATED_AT.ge(from).and(CREATED_AT.lt(to)))
			.and(ACTION.in(decisions.keySet()))
			.groupBy(ACTION)
			.forEach(r -> decisions.put(r.value1(), r.value2()));
		int filed = db.fetchCount(table(name("comment_appeal")), CREATED_AT.ge(from).and(CREATED_AT.lt(to)));
		var answered = new LinkedHashMap<String, Integer>();
		db.select(OUTCOME, count())
			.from(table(name("comment_appeal")))
			.where(DECIDED_AT.ge(from).and(DECIDED_AT.lt(to)))
			.groupBy(OUTCOME)
			.forEach(r -> answered.put(r.value1(), r.value2()));
		Optional<AuditChain.Head> anchor = ended ? chain.headBefore(start(month.plusMonths(1))) : Optional.empty();
		return new MonthlyReport(month, ended, held, reported, decisions, filed, answered.getOrDefault("UPHELD", 0),
				answered.getOrDefault("REVERSED", 0), anchor.map(AuditChain.Head::seq).orElse(0L),
				anchor.map(AuditChain.Head::hash).orElse(null));
	}

	/** The first month anything was held or done, if anything was. */
	Optional<YearMonth> first() {
		Long action = db.select(min(CREATED_AT)).from(table(name("moderation_action"))).fetchOne(0, Long.class);
		Long reason = db.select(min(CREATED_AT)).from(table(name("comment_reason"))).fetchOne(0, Long.class);
		Long earliest = action == null ? reason : reason == null ? action : Math.min(action, reason);
		return Optional.ofNullable(earliest)
			.map(ms -> YearMonth.from(Instant.ofEpochMilli(ms).atZone(ZoneOffset.UTC)));
	}

}
