package org.veche.moderation.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class StatisticsTests {

	private static final LocalDate MONDAY = LocalDate.of(2026, 12, 7);

	private static Statistics.Day day(int offset, int approved, int held, int spam, int trash, Duration median,
			Duration ninetieth) {
		return new Statistics.Day(MONDAY.plusDays(offset), approved, held, spam, trash, median == null ? 0 : 3, median,
				ninetieth);
	}

	@Test
	void aDaysSharesAddUpToTheWholeDayAndAnEmptyDayHasNone() {
		var day = day(0, 4, 0, 1, 1, null, null);
		assertThat(day.comments()).isEqualTo(6);
		assertThat(day.counts()).containsExactly(4, 0, 1, 1);
		assertThat(day.percent(4)).isEqualTo(67);
		assertThat(day.percent(1)).isEqualTo(17);
		assertThat(Arrays.stream(day.shares()).sum()).isEqualTo(100.0, org.assertj.core.api.Assertions.within(1e-9));
		var empty = day(1, 0, 0, 0, 0, null, null);
		assertThat(empty.percent(0)).isZero();
		assertThat(empty.shares()).containsExactly(0, 0, 0, 0);
	}

	@Test
	void theWaitChartCountsInTheUnitOfTheLongestNinetiethPercentile() {
		var stats = new Statistics(StatisticsPeriod.LAST_30_DAYS,
				List.of(day(0, 1, 0, 0, 0, Duration.ofMinutes(30), Duration.ofHours(3)), day(1, 0, 0, 0, 0, null, null),
						day(2, 1, 0, 0, 0, Duration.ofMinutes(45), Duration.ofMinutes(90))),
				List.of());
		assertThat(stats.longestWait()).isEqualTo(Duration.ofHours(3));
		assertThat(stats.waitUnit()).isEqualTo(WaitUnit.HOURS);
		assertThat(stats.medians()).containsExactly(0.5, null, 0.75);
		assertThat(stats.ninetieths()).containsExactly(3.0, null, 1.5);
		assertThat(stats.waitChart().scale().max()).isEqualTo(3);
		assertThat(stats.commentsChart().scale()).isEqualTo(new ChartScale(1, 1));
		assertThat(stats.first()).isEqualTo(MONDAY);
		assertThat(stats.last()).isEqualTo(MONDAY.plusDays(2));
		assertThat(stats.comments()).isEqualTo(2);
		assertThat(stats.decided()).isEqualTo(6);
	}

	@Test
	void aPeriodWithoutDecisionsStillHasAnAxis() {
		var stats = new Statistics(StatisticsPeriod.LAST_30_DAYS, List.of(day(0, 0, 0, 0, 0, null, null)), List.of());
		assertThat(stats.longestWait()).isEqualTo(Duration.ZERO);
		assertThat(stats.waitChart().ticks()).hasSize(2);
	}

	@Test
	void onlyNinetyIsTheLongerPeriod() {
		assertThat(StatisticsPeriod.parse("90")).isEqualTo(StatisticsPeriod.LAST_90_DAYS);
		assertThat(StatisticsPeriod.parse("30")).isEqualTo(StatisticsPeriod.LAST_30_DAYS);
		assertThat(StatisticsPeriod.parse("365")).isEqualTo(StatisticsPeriod.LAST_30_DAYS);
		assertThat(StatisticsPeriod.parse(null)).isEqualTo(StatisticsPeriod.LAST_30_DAYS);
	}

}
