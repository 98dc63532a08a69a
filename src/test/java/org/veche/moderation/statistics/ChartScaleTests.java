package org.veche.moderation.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ChartScaleTests {

	@Test
	void countsGetRoundStepsThatAreWholeNumbers() {
		var seven = ChartScale.covering(7, 4, true);
		assertThat(seven).isEqualTo(new ChartScale(8, 2));
		assertThat(seven.ticks()).containsExactly(0.0, 2.0, 4.0, 6.0, 8.0);
		assertThat(ChartScale.covering(412, 4, true).ticks()).containsExactly(0.0, 100.0, 200.0, 300.0, 400.0, 500.0);
		assertThat(ChartScale.covering(40, 4, true).ticks()).containsExactly(0.0, 10.0, 20.0, 30.0, 40.0);
		// a quarter step of one comment would be no count at all
		assertThat(ChartScale.covering(1, 4, true)).isEqualTo(new ChartScale(1, 1));
		assertThat(ChartScale.covering(3, 4, true).ticks()).containsExactly(0.0, 1.0, 2.0, 3.0);
	}

	@Test
	void anEmptyPeriodStillHasAnAxis() {
		assertThat(ChartScale.covering(0, 4, true).ticks()).containsExactly(0.0, 1.0);
		assertThat(ChartScale.covering(Double.NaN, 4, false).ticks()).containsExactly(0.0, 1.0);
	}

	@Test
	void fractionsOfAUnitGetFractionalSteps() {
		assertThat(ChartScale.covering(2, 4, false).ticks()).containsExactly(0.0, 0.5, 1.0, 1.5, 2.0);
		assertThat(ChartScale.covering(0.9, 4, false).ticks()).containsExactly(0.0, 0.2, 0.4, 0.6, 0.8, 1.0);
		// 0.3 / 3 is 0.0999... in floating point; the scale is still three steps of 0.1
		var small = ChartScale.covering(0.3, 3, false);
		assertThat(small.step()).isCloseTo(0.1, within(1e-12));
		assertThat(small.ticks()).containsExactly(0.0, 0.1, 0.2, 0.3);
	}

	@Test
	void aValueOnARoundTickIsTheTopOfTheAxis() {
		assertThat(ChartScale.covering(100, 4, true)).isEqualTo(new ChartScale(100, 20));
		assertThat(ChartScale.covering(20, 4, true).max()).isEqualTo(20);
	}

	@Test
	void fractionPlacesValuesOnTheAxisAndHoldsThoseBeyondIt() {
		var scale = new ChartScale(8, 2);
		assertThat(scale.fraction(0)).isZero();
		assertThat(scale.fraction(4)).isEqualTo(0.5);
		assertThat(scale.fraction(8)).isEqualTo(1);
		assertThat(scale.fraction(12)).isEqualTo(1);
		assertThat(scale.fraction(-3)).isZero();
	}

	@Test
	void aScaleNeedsAStepAndRoomForIt() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ChartScale(10, 0));
		assertThatIllegalArgumentException().isThrownBy(() -> new ChartScale(1, 2));
	}

}
