package org.veche.moderation.statistics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where things go on a chart of one value (or one stack of values) per day: a band per
 * day from left to right, the value axis from the bottom up. Coordinates are SVG user
 * units rounded to a tenth, so the markup stays short; the SVG's viewBox lets the browser
 * scale the whole to the page.
 */
public final class DayChart {

	public static final int WIDTH = 720;

	public static final int HEIGHT = 220;

	static final int LEFT = 52;

	static final int RIGHT = 8;

	static final int TOP = 10;

	static final int BOTTOM = 26;

	private final int days;

	private final ChartScale scale;

	public DayChart(int days, ChartScale scale) {
		if (days < 1) {
			throw new IllegalArgumentException("a chart needs at least one day");
		}
		this.days = days;
		this.scale = scale;
	}

	public ChartScale scale() {
		return scale;
	}

	public int days() {
		return days;
	}

	public String viewBox() {
		return "0 0 " + WIDTH + " " + HEIGHT;
	}

	public int left() {
		return LEFT;
	}

	public int right() {
		return WIDTH - RIGHT;
	}

	public int top() {
		return TOP;
	}

	public int bottom() {
		return HEIGHT - BOTTOM;
	}

	/** The width of one day's band. */
	public double band() {
		return (double) (right() - left()) / days;
	}

	/** The left edge of the day's bar: a bar takes the middle 70% of its band. */
	public double barX(int day) {
		return round(left() + day * band() + band() * 0.15);
	}

	public double barWidth() {
		return round(band() * 0.7);
	}

	/** The middle of the day's band, where its point and label go. */
	public double centre(int day) {
		return round(left() + (day + 0.5) * band());
	}

	/**
	 * The height of a value on the axis, in SVG units from the top (so larger values have
	 * smaller y).
	 */
	public double y(double value) {
		return round(bottom() - (bottom() - top()) * scale.fraction(value));
	}

	/**
	 * A day's values stacked from the bottom up, in the order given, as one rectangle
	 * each (a zero value has no height).
	 */
	public List<Segment> stack(int day, double... values) {
		var segments = new ArrayList<Segment>(values.length);
		double below = 0;
		for (double value : values) {
			double top = y(below + value);
			segments.add(new Segment(barX(day), top, barWidth(), round(y(below) - top)));
			below += value;
		}
		return segments;
	}

	/** The ticks of the value axis with their heights. */
	public List<Tick> ticks() {
		return scale.ticks().stream().map(value -> new Tick(value, y(value))).toList();
	}

	/**
	 * The days that get a date under the axis: the last day (today) and every week before
	 * it, or every two weeks on a longer chart, so that labels never crowd.
	 */
	public List<Integer> labelledDays() {
		int every = days <= 31 ? 7 : 14;
		var labelled = new ArrayList<Integer>();
		for (int day = days - 1; day >= 0; day -= every) {
			labelled.addFirst(day);
		}
		return labelled;
	}

	/**
	 * Where a day's date goes: under its band, but the last one ends at the plot's edge
	 * so it is never cut off.
	 */
	public double labelX(int day) {
		return day == days - 1 ? right() : centre(day);
	}

	public String labelAnchor(int day) {
		return day == days - 1 ? "end" : "middle";
	}

	/**
	 * A line through the days that have a value, as the {@code points} of SVG polylines:
	 * a day without a value (null) breaks the line rather than drawing it down to zero.
	 */
	public List<String> lines(List<Double> values) {
		var lines = new ArrayList<String>();
		var line = new StringBuilder();
		for (int day = 0; day < values.size(); day++) {
			Double value = values.get(day);
			if (value == null) {
				if (!line.isEmpty()) {
					lines.add(line.toString());
					line.setLength(0);
				}
				continue;
			}
			if (!line.isEmpty()) {
				line.append(' ');
			}
			line.append(number(centre(day))).append(',').append(number(y(value)));
		}
		if (!line.isEmpty()) {
			lines.add(line.toString());
		}
		return lines;
	}

	/**
	 * A coordinate as SVG writes it: no exponent, no trailing ".0", a dot whatever the
	 * reader's language.
	 */
	public static String number(double value) {
		if (value == Math.rint(value)) {
			return Long.toString((long) value);
		}
		return String.format(Locale.ROOT, "%.1f", value);
	}

	static double round(double value) {
		return Math.round(value * 10) / 10.0;
	}

	/** One rectangle of a stacked bar. */
	public record Segment(double x, double y, double width, double height) {
	}

	/** A tick of the value axis. */
	public record Tick(double value, double y) {
	}

}
