package org.veche.moderation.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class WaitUnitTests {

	@Test
	void theAxisCountsInTheLargestUnitThatStillGivesTwoOfIt() {
		assertThat(WaitUnit.fitting(Duration.ZERO)).isEqualTo(WaitUnit.SECONDS);
		assertThat(WaitUnit.fitting(Duration.ofSeconds(119))).isEqualTo(WaitUnit.SECONDS);
		assertThat(WaitUnit.fitting(Duration.ofMinutes(2))).isEqualTo(WaitUnit.MINUTES);
		assertThat(WaitUnit.fitting(Duration.ofMinutes(119))).isEqualTo(WaitUnit.MINUTES);
		assertThat(WaitUnit.fitting(Duration.ofHours(2))).isEqualTo(WaitUnit.HOURS);
		assertThat(WaitUnit.fitting(Duration.ofDays(2))).isEqualTo(WaitUnit.DAYS);
		assertThat(WaitUnit.HOURS.of(Duration.ofMinutes(90))).isEqualTo(1.5);
	}

	@Test
	void aWaitInWordsKeepsItsTwoLargestUnits() {
		var seconds = WaitUnit.words(Duration.ofSeconds(45));
		assertThat(seconds.key()).isEqualTo("moderation.stats.wait.seconds");
		assertThat(seconds.arguments()).containsExactly(45L);
		assertThat(WaitUnit.words(Duration.ofMinutes(30)).arguments()).containsExactly(30L);
		var hours = WaitUnit.words(Duration.ofMinutes(125));
		assertThat(hours.key()).isEqualTo("moderation.stats.wait.hours");
		assertThat(hours.arguments()).containsExactly(2L, 5L);
		var days = WaitUnit.words(Duration.ofHours(76));
		assertThat(days.key()).isEqualTo("moderation.stats.wait.days");
		assertThat(days.arguments()).containsExactly(3L, 4L);
	}

}
