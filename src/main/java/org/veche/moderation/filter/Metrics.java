package org.veche.moderation.filter;

import java.util.Arrays;

/**
 * Precision, recall and F1 of "bad" at probability 0.5, and the area under the ROC curve.
 */
record Metrics(double precision, double recall, double f1, double rocAuc) {

	static Metrics of(double[] probabilities, boolean[] bad) {
		int tp = 0;
		int fp = 0;
		int fn = 0;
		for (int i = 0; i < bad.length; i++) {
			boolean flagged = probabilities[i] >= 0.5;
			if (flagged && bad[i]) {
				tp++;
			}
			else if (flagged) {
				fp++;
			}
			else if (bad[i]) {
				fn++;
			}
		}
		double precision = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
		double recall = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
		double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
		return new Metrics(precision, recall, f1, auc(probabilities, bad));
	}

	/**
	 * The Mann-Whitney statistic: the chance that a bad example scores above a fine one,
	 * ties counting half.
	 */
	static double auc(double[] probabilities, boolean[] bad) {
		int n = bad.length;
		Integer[] order = new Integer[n];
		for (int i = 0; i < n; i++) {
			order[i] = i;
		}
		Arrays.sort(order, (a, b) -> Double.compare(probabilities[a], probabilities[b]));
		double rankSum = 0;
		long positives = 0;
		int i = 0;
		while (i < n) {
			int j = i;
			while (j + 1 < n && probabilities[order[j + 1]] == probabilities[order[i]]) {
				j++;
			}
			double rank = (i + j) / 2.0 + 1;
			for (int k = i; k <= j; k++) {
				if (bad[order[k]]) {
					rankSum += rank;
					positives++;
				}
			}
			i = j + 1;
		}
		long negatives = n - positives;
		if (positives == 0 || negatives == 0) {
			return Double.NaN;
		}
		return (rankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
	}

	static Metrics mean(Metrics... folds) {
		return new Metrics(Arrays.stream(folds).mapToDouble(Metrics::precision).average().orElse(0),
				Arrays.stream(folds).mapToDouble(Metrics::recall).average().orElse(0),
				Arrays.stream(folds).mapToDouble(Metrics::f1).average().orElse(0),
				Arrays.stream(folds).mapToDouble(Metrics::rocAuc).average().orElse(0));
	}

}
