package org.veche.moderation.statistics;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The figures of one period, day by day from the first to the last (today), with the
 * charts laid out over them.
 *
 * @param period the period asked for
 * @param days every day of the period, oldest first, days without comments included
 * @param busiest the threads that took the most comments in the period, most first
 */
public record Statistics(StatisticsPeriod period, List<Day> days, List<BusyThread> busiest) {

	/**
	 * Where a comment can stand, in the order of {@link Day#counts()} and of the stacked
	 * bars.
	 */
	public static final List<String> STATUSES = List.of("approved", "held", "spam", "trash");

	public LocalDate first() {
		return days.getFirst().day();
	}

	public LocalDate last() {
		return days.getLast().day();
	}

	public int comments() {
		return days.stream().mapToInt(Day::comments).sum();
	}

	public int decided() {
		return days.stream().mapToInt(Day::decided).sum();
	}

	/** Comments per day. */
	public DayChart commentsChart() {
		return new DayChart(days.size(),
				ChartScale.covering(days.stream().mapToInt(Day::comments).max().orElse(0), 4, true));
	}

	/** Where each day's comments stand now, as shares of the day. */
	public DayChart sharesChart() {
		return new DayChart(days.size(), ChartScale.PERCENT);
	}

	/**
	 * The longest 90th percentile of the period, which sets the unit and top of the
	 * time-to-decision chart.
	 */
	public Duration longestWait() {
		return days.stream()
			.map(Day::ninetieth)
			.filter(Objects::nonNull)
			.max(Duration::compareTo)
			.orElse(Duration.ZERO);
	}

	public WaitUnit waitUnit() {
		return WaitUnit.fitting(longestWait());
	}

	public DayChart waitChart() {
		return new DayChart(days.size(), ChartScale.covering(waitUnit().of(longestWait()), 4, false));
	}

	/** The median waits in the chart's unit, null on days without decisions. */
	public List<Double> medians() {
		WaitUnit unit = waitUnit();
		return days.stream().map(d -> d.median() == null ? null : unit.of(d.median())).toList();
	}

	public List<Double> ninetieths() {
		WaitUnit unit = waitUnit();
		return days.stream().map(d -> d.ninetieth() == null ? null : unit.of(d.ninetieth())).toList();
	}

	/**
	 * One day: its comments by where they stand now (approved, still held, spam, trash),
	 * and the held comments that a moderator decided that day with how long they had
	 * waited (null when none were decided).
	 *
	 * @param median half of the decided comments waited at most this long
	 * @param ninetieth nine in ten waited at most this long (nearest rank)
	 */
	public record Day(LocalDate day, int approved, int held, int spam, int trash, int decided, Duration median,
			Duration ninetieth) {

		public int comments() {
			return approved + held + spam + trash;
		}

		/** The day's comments approved, held, spam and trash. */
		public List<Integer> counts() {
			return List.of(approved, held, spam, trash);
		}

		/**
		 * The share of the day's comments, in whole percent (0 on a day without
		 * comments).
		 */
		public int percent(int count) {
			return comments() == 0 ? 0 : (int) Math.round(count * 100.0 / comments());
		}

		/**
		 * The shares as the chart stacks them: approved, held, spam, trash, adding up to
		 * 100 exactly.
		 */
		public double[] shares() {
			if (comments() == 0) {
				return new double[] { 0, 0, 0, 0 };
			}
			double total = comments();
			return new double[] { approved * 100 / total, held * 100 / total, spam * 100 / total, trash * 100 / total };
		}

	}

	/**
	 * A thread that took many comments.
	 *
	 * @param title the article's title, or null when it is gone
	 * @param path where it is read, or null when it is gone
	 */
	public record BusyThread(long articleId, String title, String path, int comments) {
	}

}
