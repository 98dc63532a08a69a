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

	private static final int VERSION = 1;

	private static final double RATE = 0.2;

	private static final double L2 = 1e-6;

	/** Metadata flags are not scaled with the text; they keep this plain weight. */
	private static final float META_WEIGHT = 0.3f;

	private final int bits;

	private final float[] weights;

	private final float[] squares;

	private double bias;

	private double biasSquares;

	private long examples;

	LinearModel(int bits) {
		this.bits = bits;
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
		return sigmoid(margin(v, values(v)));
	}

	private double margin(FeatureVector v, float[] x) {
		double z = bias;
		for (int i = 0; i < x.length; i++) {
			z += weights[v.index[i]] * x[i];
		}
		return z;
	}

	/** One AdaGrad step of the log loss, with a small L2 pull on the weights this example touches. */
	void learn(FeatureVector v, boolean bad) {
		float[] x = values(v);
		double gradient = sigmoid(margin(v, x)) - (bad ? 1 : 0);
		for (int i = 0; i < x.length; i++) {
			int k = v.index[i];
			double g = gradient * x[i] + L2 * weights[k];
			squares[k] += (float) (g * g);
			weights[k] -= (float) (RATE * g / Math.sqrt(squares[k] + 1e-8));
		}
		biasSquares += gradient * gradient;
		bias -= RATE * gradient / Math.sqrt(biasSquares + 1e-8);
	}

	/** Notes that {@code n} more distinct examples were learned (a batch passes over each several times). */
	void counted(long n) {
		examples += n;
	}

	/**
	 * The verdict and its reasons: the contributions of the features are summed per word (a word's own feature,
	 * its pairs and its character n-grams), and the words that pushed furthest towards "bad" come first.
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
		List<String> strongest = ranked.stream().limit(reasons).map(v.sources::get).toList();
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
			out.writeInt(bits);
			out.writeLong(examples);
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
			if (in.readInt() != MAGIC || in.readInt() != VERSION || in.readInt() != expectedBits) {
				throw new IllegalArgumentException("not a filter model of this version");
			}
			var model = new LinearModel(expectedBits);
			model.examples = in.readLong();
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
