package org.veche.moderation.internal;

import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.countDistinct;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.springframework.stereotype.Repository;
import org.veche.moderation.ReportReason;
import org.veche.schema.tables.CommentReport;

/**
 * Readers' reports on comments: one per reader and comment, open until a moderator
 * decides on the comment.
 */
@Repository
public class Reports {

	static final CommentReport COMMENT_REPORT = CommentReport.COMMENT_REPORT;

	static final Field<Long> COMMENT_ID = COMMENT_REPORT.COMMENT_ID;

	static final Field<Long> ARTICLE_ID = COMMENT_REPORT.ARTICLE_ID;

	static final Field<String> REASON = COMMENT_REPORT.REASON;

	static final Field<String> REPORTER = COMMENT_REPORT.REPORTER;

	static final Field<Long> CREATED_AT = COMMENT_REPORT.CREATED_AT;

	static final Field<Long> RESOLVED_AT = COMMENT_REPORT.RESOLVED_AT;

	private final DSLContext db;

	Reports(DSLContext db) {
		this.db = db;
	}

	/**
	 * @return false when this reader had already reported the comment
	 */
	public boolean add(long commentId, long articleId, ReportReason reason, String reporter, Instant at) {
		return db.insertInto(COMMENT_REPORT)
			.set(COMMENT_ID, commentId)
			.set(ARTICLE_ID, articleId)
			.set(REASON, reason.name())
			.set(REPORTER, reporter)
			.set(CREATED_AT, at.toEpochMilli())
			.onConflictDoNothing()
			.execute() == 1;
	}

	public int open(long commentId) {
		return db.fetchCount(COMMENT_REPORT, COMMENT_ID.eq(commentId).and(RESOLVED_AT.isNull()));
	}

	/** Open reports by comment and reason, for the queue's items. */
	public Map<Long, Map<ReportReason, Integer>> openByReason(Collection<Long> commentIds) {
		var byComment = new HashMap<Long, Map<ReportReason, Integer>>();
		if (commentIds.isEmpty()) {
			return byComment;
		}
		db.select(COMMENT_ID, REASON, count())
			.from(COMMENT_REPORT)
			.where(COMMENT_ID.in(commentIds).and(RESOLVED_AT.isNull()))
			.groupBy(COMMENT_ID, REASON)
			.forEach(r -> byComment.computeIfAbsent(r.value1(), k -> new EnumMap<>(ReportReason.class))
				.put(ReportReason.valueOf(r.value2()), r.value3()));
		return byComment;
	}

	/** Comments with open reports, the most recently reported first. */
	public List<Long> reported(int offset, int limit) {
		var ids = new ArrayList<Long>();
		db.select(COMMENT_ID)
			.from(COMMENT_REPORT)
			.where(RESOLVED_AT.isNull())
			.groupBy(COMMENT_ID)
			.orderBy(org.jooq.impl.DSL.max(CREATED_AT).desc())
			.offset(offset)
			.limit(limit)
			.forEach(r -> ids.add(r.value1()));
		return ids;
	}

	public int reportedCount() {
		return db.select(countDistinct(COMMENT_ID))
			.from(COMMENT_REPORT)
			.where(RESOLVED_AT.isNull())
			.fetchOne(0, int.class);
	}

	public void resolve(long commentId, Instant at) {
		db.update(COMMENT_REPORT)
			.set(RESOLVED_AT, at.toEpochMilli())
			.where(COMMENT_ID.eq(commentId).and(RESOLVED_AT.isNull()))
			.execute();
	}

}
