package org.veche.moderation.filter;

import java.util.List;
import java.util.Random;

/**
 * Batch training from a set of examples: a few shuffled passes of the same AdaGrad steps the site takes for
 * each new decision, so a model trained from a file and one grown from decisions are the same kind of thing.
 */
final class Training {

	static final int EPOCHS = 10;

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
		}
		var random = new Random(seed);
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
		}
		model.counted(n);
	}

}
