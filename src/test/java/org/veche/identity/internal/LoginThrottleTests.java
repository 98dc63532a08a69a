package org.veche.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class LoginThrottleTests {

	/** A clock the test moves by hand. */
	static final class HandClock extends Clock {

		private Instant now = Instant.parse("2026-01-01T10:00:00Z");

		void advance(Duration by) {
			now = now.plus(by);
		}

		@Override
		public ZoneId getZone() {
			return ZoneId.of("UTC");
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return now;
		}

	}

	private final HandClock clock = new HandClock();

	private final LoginThrottle throttle = new LoginThrottle(clock, a -> "hash-" + a, failures(), 5, 20,
			Duration.ofMinutes(15));

	/**
	 * The failures table in an in-memory SQLite database, made by the site's own
	 * migration.
	 */
	private static SignInFailures failures() {
		try {
			var connection = java.sql.DriverManager.getConnection("jdbc:sqlite::memory:");
			var migration = new String(
					LoginThrottleTests.class.getResourceAsStream("/db/migration/sqlite/V41__shared_limits.sql")
						.readAllBytes(),
					java.nio.charset.StandardCharsets.UTF_8);
			for (String statement : migration.replaceAll("(?m)^--.*$", "").split(";")) {
				if (!statement.isBlank()) {
					connection.createStatement().execute(statement);
				}
			}
			return new SignInFailures(org.jooq.impl.DSL.using(connection, org.jooq.SQLDialect.SQLITE));
		}
		catch (java.sql.SQLException | java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void theFifthFailureForAnEmailBlocksItUntilTheFirstFailureLeavesTheWindow() {
		for (int i = 0; i < 4; i++) {
			throttle.failed("Reader@Example.org", "10.0.0." + i);
			clock.advance(Duration.ofMinutes(1));
		}
		assertThat(throttle.blocked("reader@example.org", "10.9.9.9")).isEmpty();

		throttle.failed("reader@example.org", "10.0.0.9");

		var wait = throttle.blocked(" READER@example.org ", "10.9.9.9");
		assertThat(wait).contains(Duration.ofMinutes(11));
		assertThat(LoginThrottle.minutes(wait.orElseThrow())).isEqualTo(11);
		clock.advance(Duration.ofMinutes(11));
		assertThat(throttle.blocked("reader@example.org", "10.9.9.9")).as("the oldest failure has left").isEmpty();
	}

	@Test
	void aRightPasswordForgivesTheEmailButNotTheAddress() {
		for (int i = 0; i < 20; i++) {
			throttle.failed(i < 4 ? "reader@example.org" : "other" + i + "@example.org", "10.0.0.1");
		}
		throttle.succeeded("reader@example.org");

		assertThat(throttle.blocked("reader@example.org", "10.0.0.2")).isEmpty();
		assertThat(throttle.blocked("reader@example.org", "10.0.0.1")).as("twenty failures from one address")
			.contains(Duration.ofMinutes(15));
		assertThat(throttle.blocked("someone@example.org", "10.0.0.1")).isPresent();
	}

	@Test
	void theWaitIsShownInWholeMinutesRoundedUpAndNeverZero() {
		assertThat(LoginThrottle.minutes(Duration.ofSeconds(1))).isEqualTo(1);
		assertThat(LoginThrottle.minutes(Duration.ofSeconds(61))).isEqualTo(2);
		assertThat(LoginThrottle.minutes(Duration.ofMinutes(15))).isEqualTo(15);
	}

}
