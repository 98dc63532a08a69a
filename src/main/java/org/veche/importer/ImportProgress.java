package org.veche.importer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How far a running import is: its phase, items done of the phase's total, the rate and
 * the time left.
 */
public final class ImportProgress {

	public enum Phase {

		/**
		 * Reading the whole file once, writing nothing: a broken or hostile file stops
		 * here.
		 */
		CHECKING,
		/** Fetching the images that posts use. */
		DOWNLOADING,
		/** Writing everything in one transaction. */
		WRITING, DONE, FAILED

	}

	private final Clock clock;

	private final AtomicLong done = new AtomicLong();

	private volatile Phase phase = Phase.CHECKING;

	private volatile Phase failedDuring;

	private volatile long total;

	private volatile Instant phaseStarted;

	public ImportProgress(Clock clock) {
		this.clock = clock;
		this.phaseStarted = clock.instant();
	}

	/** Starts a phase with its number of items (0 when not known yet). */
	public void begin(Phase next, long items) {
		done.set(0);
		total = items;
		phaseStarted = clock.instant();
		phase = next;
	}

	public void step() {
		done.incrementAndGet();
	}

	public void end(boolean succeeded) {
		if (!succeeded) {
			failedDuring = phase;
		}
		phase = succeeded ? Phase.DONE : Phase.FAILED;
	}

	/**
	 * The phase a failed import stopped in (with {@link #done()} items of it done), or
	 * null.
	 */
	public Phase failedDuring() {
		return failedDuring;
	}

	public Phase phase() {
		return phase;
	}

	public long done() {
		return done.get();
	}

	public long total() {
		return total;
	}

	public boolean finished() {
		return phase == Phase.DONE || phase == Phase.FAILED;
	}

	/** Items per second in this phase so far. */
	public double rate() {
		double seconds = Math.max(0.001, Duration.between(phaseStarted, clock.instant()).toMillis() / 1000.0);
		return done.get() / seconds;
	}

	/**
	 * The time the phase still needs at its rate so far, or null while that is unknown.
	 */
	public Duration timeLeft() {
		double rate = rate();
		long left = total - done.get();
		if (rate <= 0 || total <= 0 || left < 0) {
			return null;
		}
		return Duration.ofSeconds(Math.round(left / rate));
	}

	public int percent() {
		return total <= 0 ? 0 : (int) Math.min(100, done.get() * 100 / total);
	}

}
