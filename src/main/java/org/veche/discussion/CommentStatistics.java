package org.veche.discussion;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.veche.discussion.internal.CommentTallies;

/**
 * How many comments were posted, day by day and thread by thread, for the moderators'
 * statistics. Counted by the database over the comments of the period only (the covering
 * index of V93), never by reading comments.
 */
@Service
public class CommentStatistics {

	private final CommentTallies tallies;

	CommentStatistics(CommentTallies tallies) {
		this.tallies = tallies;
	}

	/**
	 * The comments posted from {@code from} (inclusive) to {@code to} (exclusive), by the
	 * day they were posted and where each stands now; days without comments are left out.
	 * @param offset the site's offset from UTC, which says where a day begins
	 */
	public List<CommentDay> perDay(Instant from, Instant to, ZoneOffset offset) {
		return tallies.perDay(from.toEpochMilli(), to.toEpochMilli(), offset.getTotalSeconds() * 1000L);
	}

	/**
	 * The threads that took the most comments (in any status) in the period, most first.
	 */
	public List<BusyThread> busiestThreads(Instant from, Instant to, int limit) {
		return tallies.busiestThreads(from.toEpochMilli(), to.toEpochMilli(), limit);
	}

	/** One day's comments by their status now. */
	public record CommentDay(LocalDate day, Map<CommentStatus, Integer> byStatus) {

		public int count(CommentStatus status) {
			return byStatus.getOrDefault(status, 0);
		}

		public int total() {
			return byStatus.values().stream().mapToInt(Integer::intValue).sum();
		}

	}

	/** A thread (an article's discussion) and how many comments it took. */
	public record BusyThread(long articleId, int comments) {
	}

}
