package org.veche.moderation.statistics;

/**
 * The periods the page offers, ending today: the last 30 or the last 90 days.
 */
public enum StatisticsPeriod {

	LAST_30_DAYS(30), LAST_90_DAYS(90);

	private final int days;

	StatisticsPeriod(int days) {
		this.days = days;
	}

	public int days() {
		return days;
	}

	/**
	 * The period of a {@code days} parameter; anything but "90" is the default 30 days.
	 */
	public static StatisticsPeriod parse(String days) {
		return "90".equals(days) ? LAST_90_DAYS : LAST_30_DAYS;
	}

}
