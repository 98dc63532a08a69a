package org.veche.moderation.transparency;

import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.countDistinct;
import static org.jooq.impl.DSL.min;

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
import org.veche.schema.tables.CommentAppeal;
import org.veche.schema.tables.CommentReason;
import org.veche.schema.tables.CommentReport;
import org.veche.schema.tables.ModerationAction;

/**
 * The month's counts, each a GROUP BY over one of moderation's tables within the month's
 * bounds (UTC); nothing but counts and the rules' and reasons' names leaves the database.
 */
@Repository
class MonthlyCounts {

	private static final CommentReason REASONS = CommentReason.COMMENT_REASON;

	private static final CommentReport REPORTS = CommentReport.COMMENT_REPORT;

	private static final ModerationAction ACTIONS = ModerationAction.MODERATION_ACTION;

	private static final CommentAppeal APPEALS = CommentAppeal.COMMENT_APPEAL;

	/**
	 * The rules a hold is counted under; anything else (a rule added later) is counted as
	 * "other".
	 */
	static final List<String> RULES = List.of("links", "word", "disallowed", "premoderated", "firstComment", "raid",
			"raidThread", "surge", "filter.spam", "filter.abuse", "akismet", "reports");

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
		// the rule is the stored reason up to its first '|' (its arguments follow),
		// counted once per comment
		Field<String> rule = db.dialect().family() == SQLDialect.POSTGRES
				? DSL.field("split_part({0}, '|', 1)", String.class, REASONS.REASON)
				: DSL.field("substr({0}, 1, instr({0} || '|', '|') - 1)", String.class, REASONS.REASON);
		var held = new LinkedHashMap<String, Integer>();
		db.select(rule, countDistinct(REASONS.COMMENT_ID))
			.from(REASONS)
			.where(REASONS.CREATED_AT.ge(from).and(REASONS.CREATED_AT.lt(to)))
			.groupBy(rule)
			.forEach(r -> {
				String counted = Reason.Kind.ofKey(r.value1()).rule();
				held.merge(counted != null && RULES.contains(counted) ? counted : "other", r.value2(), Integer::sum);
			});
		Map<String, Integer> reported = new LinkedHashMap<>();
		db.select(REPORTS.REASON, count())
			.from(REPORTS)
			.where(REPORTS.CREATED_AT.ge(from).and(REPORTS.CREATED_AT.lt(to)))
			.groupBy(REPORTS.REASON)
			.orderBy(REPORTS.REASON)
			.forEach(r -> reported.put(r.value1().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), r.value2()));
		var decisions = new LinkedHashMap<String, Integer>();
		for (Decision d : Decision.values()) {
			decisions.put(d.param(), 0);
		}
		db.select(ACTIONS.ACTION, count())
			.from(ACTIONS)
			.where(ACTIONS.CREATED_AT.ge(from).and(ACTIONS.CREATED_AT.lt(to)))
			.and(ACTIONS.ACTION.in(decisions.keySet()))
			.groupBy(ACTIONS.ACTION)
			.forEach(r -> decisions.put(r.value1(), r.value2()));
		int filed = db.fetchCount(APPEALS, APPEALS.CREATED_AT.ge(from).and(APPEALS.CREATED_AT.lt(to)));
		var answered = new LinkedHashMap<String, Integer>();
		db.select(APPEALS.OUTCOME, count())
			.from(APPEALS)
			.where(APPEALS.DECIDED_AT.ge(from).and(APPEALS.DECIDED_AT.lt(to)))
			.groupBy(APPEALS.OUTCOME)
			.forEach(r -> answered.put(r.value1(), r.value2()));
		Optional<AuditChain.Head> anchor = ended ? chain.headBefore(start(month.plusMonths(1))) : Optional.empty();
		return new MonthlyReport(month, ended, held, reported, decisions, filed, answered.getOrDefault("UPHELD", 0),
				answered.getOrDefault("REVERSED", 0), anchor.map(AuditChain.Head::seq).orElse(0L),
				anchor.map(AuditChain.Head::hash).orElse(null));
	}

	/** The first month anything was held or done, if anything was. */
	Optional<YearMonth> first() {
		Long action = db.select(min(ACTIONS.CREATED_AT)).from(ACTIONS).fetchOne(0, Long.class);
		Long reason = db.select(min(REASONS.CREATED_AT)).from(REASONS).fetchOne(0, Long.class);
		Long earliest = action == null ? reason : reason == null ? action : Math.min(action, reason);
		return Optional.ofNullable(earliest).map(ms -> YearMonth.from(Instant.ofEpochMilli(ms).atZone(ZoneOffset.UTC)));
	}

}
