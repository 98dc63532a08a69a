package org.veche.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class NotificationPropertiesTests {

	private final NotificationProperties settings = new NotificationProperties(Duration.ofSeconds(30),
			Duration.ofSeconds(30), Duration.ofHours(1), 10, Duration.ofMinutes(10), Duration.ofDays(30));

	@Test
	void eachRefusalDoublesTheWaitUpToTheMaximum() {
		assertThat(settings.backoff(1)).isEqualTo(Duration.ofSeconds(30));
		assertThat(settings.backoff(2)).isEqualTo(Duration.ofMinutes(1));
		assertThat(settings.backoff(3)).isEqualTo(Duration.ofMinutes(2));
		assertThat(settings.backoff(7)).isEqualTo(Duration.ofMinutes(32));
		assertThat(settings.backoff(8)).isEqualTo(Duration.ofHours(1));
		assertThat(settings.backoff(1000)).as("no overflow").isEqualTo(Duration.ofHours(1));
	}

}
