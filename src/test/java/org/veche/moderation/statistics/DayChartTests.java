package org.veche.moderation.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Arrays;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.veche.moderation.statistics.DayChart.Segment;

class DayChartTests {

	// 30 days across the plot's 660 units (52 to 712): 22 units a day; values 0 to 8 from
	// y 194 up to y 10
	private final DayChart month = new DayChart(30, new ChartScale(8, 2));

	@Test
	void eachDayHasABandAndItsBarTakesTheMiddleOfIt() {
		assertThat(month.band()).isEqualTo(22);
		assertThat(month.barX(0)).isEqualTo(55.3);
		assertThat(month.barWidth()).isEqualTo(15.4);
		assertThat(month.centre(0)).isEqualTo(63);
		assertThat(month.centre(29)).isEqualTo(701);
		assertThat(month.barX(29) + month.barWidth()).isLessThanOrEqualTo(month.right());
	}

	@Test
	void valuesRiseFromTheBottomToTheTop() {
		assertThat(month.bottom()).isEqualTo(194);
		assertThat(month.y(0)).isEqualTo(194);
		assertThat(month.y(4)).isEqualTo(102);
		assertThat(month.y(8)).isEqualTo(10);
		assertThat(month.ticks()).extracting(DayChart.Tick::y).containsExactly(194.0, 148.0, 102.0, 56.0, 10.0);
	}

	@Test
	void aStackPutsEachValueOnTheOnesBelowIt() {
		assertThat(month.stack(0, 2, 4, 0)).containsExactly(new Segment(55.3, 148, 15.4, 46),
				new Segment(55.3, 56, 15.4, 92), new Segment(55.3, 56, 15.4, 0));
		// shares of a day reach the top of a percent axis exactly
		var shares = new DayChart(30, ChartScale.PERCENT).stack(3, 50, 25, 12.5, 12.5);
		assertThat(shares.getLast().y()).isEqualTo(10);
		assertThat(shares.stream().mapToDouble(Segment::height).sum()).isEqualTo(184);
	}

	@Test
	void datesGoUnderTodayAndEveryWeekOrTwoBeforeIt() {
		assertThat(month.labelledDays()).containsExactly(1, 8, 15, 22, 29);
		assertThat(new DayChart(90, ChartScale.PERCENT).labelledDays()).containsExactly(5, 19, 33, 47, 61, 75, 89);
		assertThat(new DayChart(1, ChartScale.PERCENT).labelledDays()).containsExactly(0);
		// today's date ends at the right edge of the plot instead of running past the
		// picture
		assertThat(month.labelX(29)).isEqualTo(712);
		assertThat(month.labelAnchor(29)).isEqualTo("end");
		assertThat(month.labelX(22)).isEqualTo(month.centre(22));
		assertThat(month.labelAnchor(22)).isEqualTo("middle");
	}

	@Test
	void aLineBreaksWhereADayHasNoValue() {
		var chart = new DayChart(4, new ChartScale(8, 2));
		// 165 units a day: centres at 134.5, 299.5, 464.5, 629.5
		assertThat(chart.lines(Arrays.asList(2.0, null, 4.0, 8.0))).containsExactly("134.5,148", "464.5,102 629.5,10");
		assertThat(chart.lines(Arrays.asList(null, null, null, null))).isEmpty();
	}

	@Test
	void numbersAreWrittenAsSvgReadsThemInEveryLanguage() {
		Locale before = Locale.getDefault();
		try {
			Locale.setDefault(Locale.forLanguageTag("ru"));
			assertThat(DayChart.number(12)).isEqualTo("12");
			assertThat(DayChart.number(55.3)).isEqualTo("55.3");
			assertThat(DayChart.number(1e-7)).isEqualTo("0.0");
		}
		finally {
			Locale.setDefault(before);
		}
	}

	@Test
	void aChartHasAtLeastOneDay() {
		assertThatIllegalArgumentException().isThrownBy(() -> new DayChart(0, ChartScale.PERCENT));
	}

}
