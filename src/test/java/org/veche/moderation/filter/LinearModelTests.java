package org.veche.moderation.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class LinearModelTests {

	static final List<Example> TOY = toy();

	private static List<Example> toy() {
		var examples = new ArrayList<Example>();
		String[] topics = { "the council vote", "police at the square", "the detained reporters", "the court hearing",
				"tomorrow's march", "the new mayor" };
		for (String topic : topics) {
			examples.add(new Example(FilterInput.ofText("Thanks for the report on " + topic), false));
			examples.add(new Example(FilterInput.ofText("I was there, " + topic + " was calm"), false));
			examples.add(new Example(FilterInput.ofText("Cheap viagra pills, buy now, casino bonus " + topic), true));
			examples.add(new Example(FilterInput.ofText("Win money at the casino, free viagra " + topic), true));
		}
		return examples;
	}

	static LinearModel trained() {
		return Training.train(TOY.stream().map(e -> Features.of(e.input())).toList(),
				TOY.stream().map(Example::bad).toList(), 7);
	}

	@Test
	void learnsAToySeparationAndNamesTheWordsThatMadeIt() {
		var model = trained();
		var spam = model.score(Features.of(FilterInput.ofText("Casino bonus and viagra for the reporters")), 3);
		var fine = model.score(Features.of(FilterInput.ofText("Thanks, the hearing was calm")), 3);
		// 24 examples: the L2 pull keeps so small a model modest, but the separation is
		// clear
		assertThat(spam.probability()).isGreaterThan(0.6);
		assertThat(fine.probability()).isLessThan(0.2);
		assertThat(spam.strongest()).hasSizeLessThanOrEqualTo(3).containsAnyOf("casino", "viagra", "bonus");
		assertThat(spam.strongest()).doesNotContain("the", "reporters");
	}

	@Test
	void oneDecisionMovesTheModelWithoutARetraining() {
		var model = trained();
		var vector = Features.of(FilterInput.ofText("zorblat zorblat zorblat"));
		double before = model.probability(vector);
		for (int i = 0; i < 5; i++) {
			model.learn(vector, true);
		}
		assertThat(model.probability(vector)).isGreaterThan(before + 0.2);
		assertThat(model.score(vector, 1).strongest()).containsExactly("zorblat");
	}

	@Test
	void metadataCountsAndExplainsItself() {
		var model = new LinearModel(Features.BITS);
		var newcomer = new FilterInput("hello there", null, null, null, true, true);
		for (int i = 0; i < 20; i++) {
			model.learn(Features.of(newcomer), true);
			model.learn(Features.of(FilterInput.ofText("hello there")), false);
		}
		assertThat(model.probability(Features.of(newcomer)))
			.isGreaterThan(model.probability(Features.of(FilterInput.ofText("hello there"))) + 0.1);
		assertThat(model.score(Features.of(newcomer), 2).strongest()).containsAnyOf("new author", "first comment");
	}

	@Test
	void survivesTheRoundTripThroughBytes() {
		var model = trained();
		byte[] bytes = model.toBytes();
		var copy = LinearModel.fromBytes(bytes, Features.BITS);
		for (Example e : TOY) {
			var v = Features.of(e.input());
			assertThat(copy.probability(v)).isEqualTo(model.probability(v));
		}
		assertThat(copy.examples()).isEqualTo(model.examples()).isEqualTo(TOY.size());
		assertThat(bytes.length).isLessThan(200_000);
	}

	@Test
	void refusesBytesThatAreNoModel() {
		var bytes = new LinearModel(Features.BITS).toBytes();
		assertThatThrownBy(() -> LinearModel.fromBytes(bytes, 18)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> LinearModel.fromBytes(new byte[] { 1, 2, 3 }, Features.BITS))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void crossValidationKeepsEachFoldsShareOfBadExamples() {
		int[] folds = Evaluation.stratifiedFolds(TOY, 4, 1);
		for (int f = 0; f < 4; f++) {
			int all = 0;
			int bad = 0;
			for (int i = 0; i < folds.length; i++) {
				if (folds[i] == f) {
					all++;
					bad += TOY.get(i).bad() ? 1 : 0;
				}
			}
			assertThat(all).isEqualTo(6);
			assertThat(bad).isEqualTo(3);
		}
		assertThat(Evaluation.crossValidate(TOY, 4, 1).rocAuc()).isGreaterThan(0.9);
	}

	@Test
	void rocAucCountsTiesAsHalf() {
		assertThat(Metrics.auc(new double[] { 0.1, 0.4, 0.35, 0.8 }, new boolean[] { false, false, true, true }))
			.isEqualTo(0.75);
		assertThat(Metrics.auc(new double[] { 0.5, 0.5 }, new boolean[] { false, true })).isEqualTo(0.5);
		var m = Metrics.of(new double[] { 0.9, 0.6, 0.2, 0.7 }, new boolean[] { true, false, true, true });
		assertThat(m.precision()).isCloseTo(2 / 3.0, org.assertj.core.data.Offset.offset(1e-9));
		assertThat(m.recall()).isCloseTo(2 / 3.0, org.assertj.core.data.Offset.offset(1e-9));
	}

}
