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
 * Logistic regression over hashed features, taught one example at a time with AdaGrad: each weight's step
 * shrinks as it has seen more evidence, so a model trained on thousands of examples moves a little with each
 * new moderator decision instead of forgetting what it knew. Not thread-safe: {@link LearningFilter} guards it.
 * (IDF weighting was measured too: with these per-weight steps it lowered ROC-AUC on all three benchmark sets,
 * so counts are used as they are, and the model keeps no document frequencies that would drift as it learns.)
 */
final class LinearModel {

	private static final int MAGIC = 0x56434846; // "VCHF"

	/**
	 * The format of the saved bytes. Version 1 (issue 4) had no class counts; its weights belong to another
	 * feature set anyway, so it is refused and the model is rebuilt from the stored decisions.
	 */
	private static final int VERSION = 2;

	/** Metadata flags are not scaled with the text; they keep this plain weight. */
	private static final float META_WEIGHT = 0.3f;

	/**
	 * How the model learns. {@code balanced}: each class weighs as much as the other in the loss, so a few
	 * bad examples among many fine ones are not drowned out; the probabilities are then corrected back by the
	 * prior (the log of the class weights' ratio), so 50% still means even odds.
	 */
	record Settings(double rate, double l2, boolean balanced) {

		static final Settings DEFAULT = new Settings(0.2, 1e-6, true);

	}

	static Settings settings = Settings.DEFAULT;

	private final int bits;

	private final Settings learning;

	private long bad;

	private long fine;

	private final float[] weights;

	private final float[] squares;

	private double bias;

	private double biasSquares;

	private long examples;

	LinearModel(int bits) {
		this.bits = bits;
		this.learning = settings;
		this.weights = new float[1 << bits];
		this.squares = new float[1 << bits];
	}

	long examples() {
		return examples;
	}

	/**
	 * The feature values: the counts, each text block (words, character n-grams) scaled to unit length; so long and short comments weigh alike, and the many
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
			norm[b] = norm[b] > 0 ? 1 / Math.sqrt(norm[b]) : 0;
		}
		for (int i = 0; i < n; i++) {
			if (v.block[i] < Features.META) {
				x[i] *= (float) norm[v.block[i]];
			}
		}
		return x;
	}

	double probability(FeatureVector v) {
		return sigmoid(margin(v, values(v)) - prior());
	}

	private double margin(FeatureVector v, float[] x) {
		double z = bias;
		for (int i = 0; i < x.length; i++) {
			z += weights[v.index[i]] * x[i];
		}
		return z;
	}

	/** The weight of a bad and of a fine example in the loss; smoothed, so the first decisions stay sane. */
	private double classWeight(boolean isBad) {
		if (!learning.balanced()) {
			return 1;
		}
		double all = bad + fine + 2;
		return all / (2.0 * ((isBad ? bad : fine) + 1));
	}

	/** How far the class weights shifted the log-odds: taken off again when scoring. */
	private double prior() {
		return learning.balanced() ? Math.log(classWeight(true) / classWeight(false)) : 0;
	}

	/** Learns one decision: counts it, then takes one step. */
	void learnOne(FeatureVector v, boolean isBad) {
		counted(isBad);
		learn(v, isBad);
		examples++;
	}

	/** One AdaGrad step of the (class-weighted) log loss, with an L2 pull on the weights this example touches. */
	void learn(FeatureVector v, boolean isBad) {
		float[] x = values(v);
		double gradient = (sigmoid(margin(v, x)) - (isBad ? 1 : 0)) * classWeight(isBad);
		double rate = learning.rate();
		double l2 = learning.l2();
		for (int i = 0; i < x.length; i++) {
			int k = v.index[i];
			double g = gradient * x[i] + l2 * weights[k];
			squares[k] += (float) (g * g);
			weights[k] -= (float) (rate * g / Math.sqrt(squares[k] + 1e-8));
		}
		biasSquares += gradient * gradient;
		bias -= rate * gradient / Math.sqrt(biasSquares + 1e-8);
	}

	/** Counts one more example of a class, which sets the class weights. */
	void counted(boolean isBad) {
		if (isBad) {
			bad++;
		}
		else {
			fine++;
		}
	}

	/** Notes that {@code n} more distinct examples were learned (a batch passes over each several times). */
	void counted(long n) {
		examples += n;
	}

	/** Adds the weights as they are now to a running sum (for averaging over the last passes of a batch). */
	void addWeightsTo(double[] sum) {
		for (int k = 0; k < weights.length; k++) {
			sum[k] += weights[k];
		}
	}

	/**
	 * Replaces the weights with their mean over some passes: the average of the last passes of a batch
	 * generalises better than the last pass, which has chased the last examples it saw.
	 */
	void averageWeights(double[] sum, int passes, double biasSum) {
		for (int k = 0; k < weights.length; k++) {
			weights[k] = (float) (sum[k] / passes);
		}
		bias = biasSum / passes;
	}

	double bias() {
		return bias;
	}

	/**
	 * The verdict and its reasons: the contributions of the features (weight times value, in log-odds) are
	 * summed per word as the tokenizer folded it (its own feature, its folded skeleton and its character
	 * n-grams), and the words that pushed furthest towards "bad" come first, each with its contribution.
	 */
	FilterScore score(FeatureVector v, int reasons) {
		float[] x = values(v);
		double[] bySource = new double[v.sources.size()];
		for (int i = 0; i < x.length; i++) {
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
		return new FilterScore(sigmoid(margin(v, x) - prior()), strongest);
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
			for (int k = 0; k < squares.length; k++) {
				used += squares[k] != 0 ? 1 : 0;
			}
			out.writeInt(used);
			for (int k = 0; k < squares.length; k++) {
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

	/** Reads a model written by {@link #toBytes()}; a model of another format or size is refused. */
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
