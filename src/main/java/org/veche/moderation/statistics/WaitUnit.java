package org.veche.moderation.statistics;

import java.time.Duration;

/**
 * The unit of the time-to-decision axis, chosen by the longest wait shown so that the
 * ticks read as whole numbers of something a moderator thinks in.
 */
public enum WaitUnit {

	SECONDS(Duration.ofSeconds(1)), MINUTES(Duration.ofMinutes(1)), HOURS(Duration.ofHours(1)),
	DAYS(Duration.ofDays(1));

	private final Duration length;

	WaitUnit(Duration length) {
		this.length = length;
	}

	/** The message key of a tick label in this unit, such as "{0} min". */
	public String key() {
		return "moderation.stats.unit." + name().toLowerCase(java.util.Locale.ROOT);
	}

	/** The wait in this unit. */
	public double of(Duration wait) {
		return (double) wait.toMillis() / length.toMillis();
	}

	/**
	 * The unit for an axis reaching this long a wait: below two of a unit, the next
	 * smaller one.
	 */
	public static WaitUnit fitting(Duration longest) {
		if (longest.compareTo(Duration.ofMinutes(2)) < 0) {
			return SECONDS;
		}
		if (longest.compareTo(Duration.ofHours(2)) < 0) {
			return MINUTES;
		}
		return longest.compareTo(Duration.ofDays(2)) < 0 ? HOURS : DAYS;
	}

	/**
	 * A wait in words for the table of figures: "45 s", "30 min", "2 h 5 min", "3 d 4 h".
	 */
	public static Wording words(Duration wait) {
		long seconds = wait.toSeconds();
		if (seconds < 60) {
			return new Wording("moderation.stats.wait.seconds", seconds);
		}
		if (seconds < 3600) {
			return new Wording("moderation.stats.wait.minutes", seconds / 60);
		}
		if (seconds < 86_400) {
			return new Wording("moderation.stats.wait.hours", seconds / 3600, seconds % 3600 / 60);
		}
		return new Wording("moderation.stats.wait.days", seconds / 86_400, seconds % 86_400 / 3600);
	}

	/** A message key and its arguments. */
	public record Wording(String key, Object... arguments) {
	}

}
