package org.veche.moderation.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Measures the model on labelled examples: stratified, seeded k-fold cross-validation, or
 * a separate test set.
 */
final class Evaluation {

	private Evaluation() {
	}

	/**
	 * Each fold keeps the file's share of bad examples; every example is tested once by a
	 * model that never saw it. The figures are the means over the folds.
	 */
	static Metrics crossValidate(List<Example> examples, int folds, long seed) {
		List<FeatureVector> vectors = examples.stream().map(e -> Features.of(e.input())).toList();
		int[] fold = stratifiedFolds(examples, folds, seed);
		var results = new Metrics[folds];
		for (int f = 0; f < folds; f++) {
			var trainVectors = new ArrayList<FeatureVector>();
			var trainLabels = new ArrayList<Boolean>();
			var testVectors = new ArrayList<FeatureVector>();
			var testLabels = new ArrayList<Boolean>();
			for (int i = 0; i < examples.size(); i++) {
				boolean held = fold[i] == f;
				(held ? testVectors : trainVectors).add(vectors.get(i));
				(held ? testLabels : trainLabels).add(examples.get(i).bad());
			}
			var model = Training.train(trainVectors, trainLabels, seed + f);
			results[f] = measure(model, testVectors, testLabels);
		}
		return Metrics.mean(results);
	}

	static Metrics holdOut(List<Example> train, List<Example> test, long seed) {
		var model = Training.train(train.stream().map(e -> Features.of(e.input())).toList(),
				train.stream().map(Example::bad).toList(), seed);
		return measure(model, test.stream().map(e -> Features.of(e.input())).toList(),
				test.stream().map(Example::bad).toList());
	}

	private static Metrics measure(LinearModel model, List<FeatureVector> vectors, List<Boolean> labels) {
		double[] p = new double[vectors.size()];
		boolean[] bad = new boolean[vectors.size()];
		for (int i = 0; i < p.length; i++) {
			p[i] = model.probability(vectors.get(i));
			bad[i] = labels.get(i);
		}
		return Metrics.of(p, bad);
	}

	static int[] stratifiedFolds(List<Example> examples, int folds, long seed) {
		var bad = new ArrayList<Integer>();
		var fine = new ArrayList<Integer>();
		for (int i = 0; i < examples.size(); i++) {
			(examples.get(i).bad() ? bad : fine).add(i);
		}
		var random = new Random(seed);
		java.util.Collections.shuffle(bad, random);
		java.util.Collections.shuffle(fine, random);
		int[] fold = new int[examples.size()];
		for (int i = 0; i < bad.size(); i++) {
			fold[bad.get(i)] = i % folds;
		}
		for (int i = 0; i < fine.size(); i++) {
			fold[fine.get(i)] = i % folds;
		}
		return fold;
	}

}
