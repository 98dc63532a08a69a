package org.veche.moderation.statistics;

import java.util.ArrayList;
import java.util.List;

/**
 * A value axis from zero to a round maximum, with ticks at round steps (1, 2 or 5 times a
 * power of ten), so that the labels read 0, 20, 40 rather than 0, 17.25, 34.5.
 *
 * @param max the top of the axis, a whole number of steps
 * @param step the distance between two ticks
 */
public record ChartScale(double max, double step) {

	public ChartScale {
		if (!(step > 0) || !(max >= step)) {
			throw new IllegalArgumentException("a scale needs a positive step and at least one: " + max + ", " + step);
		}
	}

	/** Percentages: 0, 25, 50, 75, 100. */
	public static final ChartScale PERCENT = new ChartScale(100, 25);

	/**
	 * A round scale that holds the value in about this many steps: the step is 1, 2 or 5
	 * times a power of ten, whichever is nearest to an even split (d3's rule: the bounds
	 * between them are the geometric means √2, √10 and √50), and the top is the first
	 * step at or above the value.
	 * @param whole whether the values are counts, so that no step is a fraction
	 */
	public static ChartScale covering(double value, int steps, boolean whole) {
		if (!(value > 0)) {
			return new ChartScale(1, 1);
		}
		double raw = value / Math.max(1, steps);
		double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
		double residual = raw / magnitude;
		double nice = residual >= Math.sqrt(50) ? 10 : residual >= Math.sqrt(10) ? 5 : residual >= Math.sqrt(2) ? 2 : 1;
		double step = nice * magnitude;
		if (whole && step < 1) {
			step = 1;
		}
		// the quotient is rounded first, so that 0.3 / 0.1 is three steps and not four
		double count = Math.ceil(Math.round(value / step * 1e9) / 1e9);
		return new ChartScale(round(count * step, 1e9), step);
	}

	/** Every tick from zero to the maximum. */
	public List<Double> ticks() {
		var ticks = new ArrayList<Double>();
		long count = Math.round(max / step);
		for (long i = 0; i <= count; i++) {
			ticks.add(round(i * step, 1e9));
		}
		return ticks;
	}

	/**
	 * Where the value falls on the axis, 0 at zero and 1 at the maximum (values above are
	 * held at 1).
	 */
	public double fraction(double value) {
		return Math.max(0, Math.min(1, value / max));
	}

	private static double round(double value, double precision) {
		return Math.round(value * precision) / precision;
	}

}
