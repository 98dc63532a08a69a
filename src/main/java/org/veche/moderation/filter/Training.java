package org.veche.moderation.filter;

import java.util.List;
import java.util.Random;

/**
 * Batch training from a set of examples: a few shuffled passes of the same AdaGrad steps
 * the site takes for each new decision, so a model trained from a file and one grown from
 * decisions are the same kind of thing. The weights kept are the mean over the last
 * passes, not the last pass's: steadier on small data.
 */
final class Training {

	static final int EPOCHS = 10;

	/** From this pass on, the weights after each pass are averaged. */
	static final int AVERAGE_FROM = 5;

	private Training() {
	}

	static LinearModel train(List<FeatureVector> vectors, List<Boolean> labels, long seed) {
		var model = new LinearModel(Features.BITS);
		continueTraining(model, vectors, labels, seed);
		return model;
	}

	static void continueTraining(LinearModel model, List<FeatureVector> vectors, List<Boolean> labels, long seed) {
		int n = vectors.size();
		int[] order = new int[n];
		for (int i = 0; i < n; i++) {
			order[i] = i;
			model.counted(labels.get(i));
		}
		var random = new Random(seed);
		double[] sum = null;
		double biasSum = 0;
		int averaged = 0;
		for (int epoch = 0; epoch < EPOCHS; epoch++) {
			for (int i = n - 1; i > 0; i--) {
				int j = random.nextInt(i + 1);
				int t = order[i];
				order[i] = order[j];
				order[j] = t;
			}
			for (int i : order) {
				model.learn(vectors.get(i), labels.get(i));
			}
			if (epoch >= AVERAGE_FROM) {
				if (sum == null) {
					sum = new double[1 << Features.BITS];
				}
				model.addWeightsTo(sum);
				biasSum += model.bias();
				averaged++;
			}
		}
		if (averaged > 1) {
			model.averageWeights(sum, averaged, biasSum);
		}
		model.counted(n);
	}

}
