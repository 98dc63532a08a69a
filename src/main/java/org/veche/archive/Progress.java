package org.veche.archive;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How far a long run has come: items done of total in the current phase, the rate, and
 * the time left. Read by another thread (the command line's ticker, the admin page) while
 * the run writes it.
 */
public final class Progress {

	private volatile String phase = "starting";

	private final AtomicLong total = new AtomicLong();

	private final AtomicLong done = new AtomicLong();

	private volatile long phaseStartedNanos = System.nanoTime();

	public void phase(String name, long items) {
		phase = name;
		total.set(items);
		done.set(0);
		phaseStartedNanos = System.nanoTime();
	}

	public void step() {
		done.incrementAndGet();
	}

	public String phase() {
		return phase;
	}

	public long done() {
		return done.get();
	}

	public long total() {
		return Math.max(total.get(), done.get());
	}

	public int percent() {
		long all = total();
		return all == 0 ? 0 : (int) (100 * done() / all);
	}

	/** Items a second in this phase so far. */
	public long rate() {
		double seconds = (System.nanoTime() - phaseStartedNanos) / 1e9;
		return seconds < 0.001 ? 0 : Math.round(done() / seconds);
	}

	public Duration remaining() {
		long rate = rate();
		return rate == 0 ? Duration.ZERO : Duration.ofSeconds((total() - done()) / rate);
	}

	/** One line for a terminal, e.g. "comments: 1200 of 5000 (24%), 850/s, 4 s left". */
	public String line() {
		return phase + ": " + done() + " of " + total() + " (" + percent() + "%), " + rate() + "/s, "
				+ remaining().toSeconds() + " s left";
	}

}
