package org.veche.site.internal;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many requests of each kind one network address (and one signed-in account) may
 * send, each written as {@code count/period}, e.g. {@code 20/1m}; a count of 0 turns that
 * limit off. Loopback is exempt by default: a reverse proxy on the same machine that
 * forgets X-Forwarded-For would otherwise put every reader in one bucket.
 */
@ConfigurationProperties("veche.rate-limit")
record RateLimitProperties(@DefaultValue("true") boolean enabled, @DefaultValue("20/1m") String comments,
		@DefaultValue("120/1m") String likes, @DefaultValue("20/1h") String reports,
		@DefaultValue("10/1h") String signUps, @DefaultValue("10/1h") String passwordResets,
		@DefaultValue("10/1h") String dataRequests, @DefaultValue("30/1m") String tokens,
		@DefaultValue("60/1m") String signIns, @DefaultValue("300/1m") String otherWrites,
		@DefaultValue("1200/1m") String requests, @DefaultValue( {
				"127.0.0.1", "0:0:0:0:0:0:0:1" }) List<String> exemptAddresses){

	/** One limit: so many in so long, refilled evenly. */
	record Limit(long count, Duration period) {

		static Limit parse(String name, String text) {
			String[] parts = text.strip().split("/", 2);
			try {
				long count = Long.parseLong(parts[0].strip());
				Duration period = parts.length < 2 ? Duration.ofMinutes(1)
						: org.springframework.boot.convert.DurationStyle.detectAndParse(parts[1].strip());
				if (count < 0 || period.isNegative() || period.isZero()) {
					throw new IllegalArgumentException(text);
				}
				return new Limit(count, period);
			}
			catch (RuntimeException ex) {
				throw new IllegalArgumentException(
						"veche.rate-limit." + name + " takes count/period, e.g. 20/1m, not " + text, ex);
			}
		}

		boolean off() {
			return count == 0;
		}

	}

}
