package org.veche.notification;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * How often a subscription's mail goes out: each event as it comes, or gathered in a
 * daily or weekly digest.
 */
public enum Cadence {

	INSTANT(Duration.ZERO), DAILY(Duration.ofDays(1)), WEEKLY(Duration.ofDays(7));

	private final Duration period;

	Cadence(Duration period) {
		this.period = period;
	}

	public Duration period() {
		return period;
	}

	public String param() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<Cadence> parse(String value) {
		for (Cadence cadence : values()) {
			if (cadence.param().equals(value)) {
				return Optional.of(cadence);
			}
		}
		return Optional.empty();
	}

}
