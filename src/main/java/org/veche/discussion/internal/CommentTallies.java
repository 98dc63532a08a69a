package org.veche.discussion.internal;

import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.inline;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.springframework.stereotype.Repository;
import org.veche.discussion.CommentStatistics.BusyThread;
import org.veche.discussion.CommentStatistics.CommentDay;
import org.veche.discussion.CommentStatus;

/**
 * Counts over the comment table grouped by the database: by day and status, and by
 * thread. Both read a range of {@code comment_by_day (created_at, status, article_id)}
 * and nothing else.
 */
@Repository
public class CommentTallies {

	static final long DAY = 86_400_000L;

	private final DSLContext db;

	CommentTallies(DSLContext db) {
		this.db = db;
	}

	public List<CommentDay> perDay(long from, long to, long offset) {
		// the offset and day length are written into the SQL: PostgreSQL would see two
		// bind parameters in SELECT and GROUP BY as two different expressions
		Field<Long> day = Comments.CREATED_AT.plus(inline(offset)).div(inline(DAY));
		var days = new LinkedHashMap<Long, Map<CommentStatus, Integer>>();
		db.select(day, Comments.STATUS, count())
			.from(Comments.COMMENT)
			.where(Comments.CREATED_AT.ge(from).and(Comments.CREATED_AT.lt(to)))
			.groupBy(day, Comments.STATUS)
			.orderBy(day)
			.forEach(r -> days.computeIfAbsent(r.value1(), d -> new EnumMap<>(CommentStatus.class))
				.merge(CommentStatus.valueOf(r.value2()), r.value3(), Integer::sum));
		var list = new ArrayList<CommentDay>(days.size());
		days.forEach((d, byStatus) -> list.add(new CommentDay(LocalDate.ofEpochDay(d), byStatus)));
		return list;
	}

	public List<BusyThread> busiestThreads(long from, long to, int limit) {
		var comments = count();
		return db.select(Comments.ARTICLE_ID, comments)
			.from(Comments.COMMENT)
			.where(Comments.CREATED_AT.ge(from).and(Comments.CREATED_AT.lt(to)))
			.groupBy(Comments.ARTICLE_ID)
			.orderBy(comments.desc(), Comments.ARTICLE_ID.desc())
			.limit(limit)
			.fetch(r -> new BusyThread(r.value1(), r.value2()));
	}

}
