package org.veche.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/**
 * The evidence surge mode weighs: enough near-duplicates on enough threads, or half as
 * many from few addresses.
 */
class SurgeRulesTests {

	private final SurgeRules rules = new SurgeRules(10, 3, 6, Duration.ofMinutes(30));

	@Test
	void enoughNearDuplicatesOnEnoughThreadsAreAnAttackFromAnyNumberOfAddresses() {
		assertThat(rules.passedBy(10, 3, 10)).isTrue();
		assertThat(rules.passedBy(9, 3, 9)).isFalse();
		assertThat(rules.passedBy(50, 2, 1)).as("one or two threads are the raid detector's").isFalse();
	}

	@Test
	void aBurstFromFewAddressesNeedsHalfAsManyComments() {
		assertThat(rules.passedBy(5, 3, 2)).isTrue();
		assertThat(rules.passedBy(6, 4, 3)).isTrue();
		assertThat(rules.passedBy(5, 3, 3)).as("three addresses for five comments are not few").isFalse();
		assertThat(rules.passedBy(4, 3, 1)).as("fewer than half the size").isFalse();
	}

	@Test
	void sizeZeroTurnsSurgeModeOff() {
		var off = new SurgeRules(0, 3, 6, Duration.ofMinutes(30));
		assertThat(off.on()).isFalse();
		assertThat(off.passedBy(1000, 100, 1)).isFalse();
	}

}
