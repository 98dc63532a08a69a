package org.veche.moderation.filter;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * Logistic regression over hashed features, taught one example at a time with AdaGrad:
 * each weight's step shrinks as it has seen more evidence, so a model trained on
 * thousands of examples moves a little with each new moderator decision instead of
 * forgetting what it knew. Not thread-safe: {@link LearningFilter} guards it.
 *
 * What makes it learn from little data (issue 16; every choice measured,
 * docs/BENCHMARKS.md): the steps start from a prior ({@link #PRIOR}) instead of nothing,
 * so a feature seen in one or two examples takes a small step, not a full one; an L2 pull
 * whose strength is divided by the number of examples learned, so it holds a small model
 * to broad evidence and lets go as decisions accumulate; and a batch keeps the mean of
 * its last passes. Tried and left out, each lower on the few-positives sets: IDF
 * weighting, class weights (balanced, with the probabilities corrected back), and a naive
 * Bayes term added to the log-odds.
 */
final class LinearModel {

	private static final int MAGIC = 0x56434846; // "VCHF"

	/**
	 * The format of the saved bytes. Version 1 (issue 4) had no class counts and belongs
	 * to another feature set: it is refused, and the model is rebuilt from the stored
	 * decisions.
	 */
	private static final int VERSION = 2;

	private static final double RATE = 0.3;

	/**
	 * The L2 strength, divided by the number of examples learned (as scikit-learn's C = 1
	 * is, per example), but never by fewer than {@link #L2_FROM}: a model of a few dozen
	 * decisions is not pulled to nothing.
	 */
	private static final double L2 = 16;

	private static final long L2_FROM = 1600;

	/**
	 * AdaGrad's starting sum of squared steps: the first steps of a feature are small,
	 * not full-sized.
	 */
	private static final double PRIOR = 1;

	/** Metadata flags are not scaled with the text; they keep this plain weight. */
	private static final float META_WEIGHT = 0.3f;

	/**
	 * The length of each block after scaling (words, character n-grams, word pairs): the
	 * words weigh half as much as the n-grams, since each word comes twice (itself and
	 * its skeleton); the pairs are a hint.
	 */
	private static final float[] BLOCK_LENGTH = { 0.5f, 1f, 0.5f };

	private final int bits;

	private long bad;

	private long fine;

	/*
	 * Null until the model first learns: a filter that has learned nothing scores by its
	 * bias alone, and the two arrays of each task (4 MB apiece at 2^20 features) are not
	 * carried by a site whose moderators have not yet decided anything.
	 */
	private float[] weights;

	private float[] squares;

	private double bias;

	private double biasSquares;

	private long examples;

	LinearModel(int bits) {
		this.bits = bits;
	}

	private void allocated() {
		if (weights == null) {
			weights = new float[1 << bits];
			squares = new float[1 << bits];
		}
	}

	long examples() {
		return examples;
	}

	/**
	 * The feature values: the counts, each text block (words, character n-grams, pairs)
	 * scaled to its set length; so long and short comments weigh alike, and the many
	 * character n-grams do not drown the few words.
	 */
	float[] values(FeatureVector v) {
		int n = v.index.length;
		float[] x = new float[n];
		double[] norm = new double[Features.META];
		for (int i = 0; i < n; i++) {
			if (v.block[i] < Features.META) {
				x[i] = v.count[i];
				norm[v.block[i]] += x[i] * x[i];
			}
			else {
				x[i] = v.count[i] * META_WEIGHT;
			}
		}
		for (int b = 0; b < norm.length; b++) {
			norm[b] = norm[b] > 0 ? BLOCK_LENGTH[b] / Math.sqrt(norm[b]) : 0;
		}
		for (int i = 0; i < n; i++) {
			if (v.block[i] < Features.META) {
				x[i] *= (float) norm[v.block[i]];
			}
		}
		return x;
	}

	double probability(FeatureVector v) {
		return sigmoid(margin(v, values(v)));
	}

	private double margin(FeatureVector v, float[] x) {
		double z = bias;
		if (weights == null) {
			return z;
		}
		for (int i = 0; i < x.length; i++) {
			z += weights[v.index[i]] * x[i];
		}
		return z;
	}

	/** Learns one decision: counts it, then takes one step. */
	void learnOne(FeatureVector v, boolean isBad) {
		counted(isBad);
		learn(v, isBad);
		examples++;
	}

	/**
	 * One AdaGrad step of the log loss, with an L2 pull on the weights this example
	 * touches.
	 */
	void learn(FeatureVector v, boolean isBad) {
		allocated();
		float[] x = values(v);
		double gradient = sigmoid(margin(v, x)) - (isBad ? 1 : 0);
		double l2 = L2 / Math.max(L2_FROM, bad + fine);
		for (int i = 0; i < x.length; i++) {
			int k = v.index[i];
			double g = gradient * x[i] + l2 * weights[k];
			squares[k] += (float) (g * g);
			weights[k] -= (float) (RATE * g / Math.sqrt(squares[k] + PRIOR));
		}
		biasSquares += gradient * gradient;
		bias -= RATE * gradient / Math.sqrt(biasSquares + PRIOR);
	}

	/** Counts one more example of a class (the L2 strength follows the count). */
	void counted(boolean isBad) {
		if (isBad) {
			bad++;
		}
		else {
			fine++;
		}
	}

	/**
	 * Notes that {@code n} more distinct examples were learned (a batch passes over each
	 * several times).
	 */
	void counted(long n) {
		examples += n;
	}

	/**
	 * Adds the weights as they are now to a running sum (for averaging over the last
	 * passes of a batch).
	 */
	void addWeightsTo(double[] sum) {
		if (weights == null) {
			return;
		}
		for (int k = 0; k < weights.length; k++) {
			sum[k] += weights[k];
		}
	}

	/**
	 * Replaces the weights with their mean over some passes: the average of the last
	 * passes of a batch generalises better than the last pass, which has chased the last
	 * examples it saw.
	 */
	void averageWeights(double[] sum, int passes, double biasSum) {
		allocated();
		for (int k = 0; k < weights.length; k++) {
			weights[k] = (float) (sum[k] / passes);
		}
		bias = biasSum / passes;
	}

	double bias() {
		return bias;
	}

	/**
	 * The verdict and its reasons: the contributions of the features (weight times value,
	 * in log-odds) are summed per word as the tokenizer folded it (its own feature, its
	 * folded skeleton and its character n-grams), and the words that pushed furthest
	 * towards "bad" come first, each with its contribution.
	 */
	FilterScore score(FeatureVector v, int reasons) {
		float[] x = values(v);
		double[] bySource = new double[v.sources.size()];
		for (int i = 0; weights != null && i < x.length; i++) {
			bySource[v.source[i]] += weights[v.index[i]] * x[i];
		}
		var ranked = new ArrayList<Integer>();
		for (int s = 0; s < bySource.length; s++) {
			if (bySource[s] > 0) {
				ranked.add(s);
			}
		}
		ranked.sort(Comparator.comparingDouble((Integer s) -> bySource[s]).reversed());
		List<FilterScore.Evidence> strongest = ranked.stream()
			.limit(reasons)
			.map(s -> new FilterScore.Evidence(v.sources.get(s), bySource[s]))
			.toList();
		return new FilterScore(sigmoid(margin(v, x)), strongest);
	}

	private static double sigmoid(double z) {
		return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
	}

	/** The model as compressed bytes: only the weights that moved are written. */
	byte[] toBytes() {
		var bytes = new ByteArrayOutputStream();
		try (var out = new DataOutputStream(new DeflaterOutputStream(bytes))) {
			out.writeInt(MAGIC);
			out.writeInt(VERSION);
			out.writeInt(Features.VERSION);
			out.writeInt(bits);
			out.writeLong(examples);
			out.writeLong(bad);
			out.writeLong(fine);
			out.writeDouble(bias);
			out.writeDouble(biasSquares);
			int used = 0;
			for (int k = 0; squares != null && k < squares.length; k++) {
				used += squares[k] != 0 ? 1 : 0;
			}
			out.writeInt(used);
			for (int k = 0; squares != null && k < squares.length; k++) {
				if (squares[k] != 0) {
					out.writeInt(k);
					out.writeFloat(weights[k]);
					out.writeFloat(squares[k]);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	/**
	 * Reads a model written by {@link #toBytes()}; a model of another format or size is
	 * refused.
	 */
	static LinearModel fromBytes(byte[] data, int expectedBits) {
		try (var in = new DataInputStream(new InflaterInputStream(new ByteArrayInputStream(data)))) {
			if (in.readInt() != MAGIC || in.readInt() != VERSION || in.readInt() != Features.VERSION
					|| in.readInt() != expectedBits) {
				throw new IllegalArgumentException("not a filter model of this version");
			}
			var model = new LinearModel(expectedBits);
			model.examples = in.readLong();
			model.bad = in.readLong();
			model.fine = in.readLong();
			model.bias = in.readDouble();
			model.biasSquares = in.readDouble();
			int used = in.readInt();
			if (used > 0) {
				model.allocated();
			}
			for (int i = 0; i < used; i++) {
				int k = in.readInt();
				model.weights[k] = in.readFloat();
				model.squares[k] = in.readFloat();
			}
			return model;
		}
		catch (IOException ex) {
			throw new IllegalArgumentException("damaged filter model", ex);
		}
	}

}
