package org.veche.moderation.filter;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A comment's hashed features: the index of each feature in the model, its sub-linear count (1 + log n), the
 * block it belongs to (words, character n-grams, metadata), and which word or piece of metadata it came from,
 * so that a verdict can name the words that made it. The model weighs the counts.
 */
final class FeatureVector {

	final int[] index;

	final float[] count;

	final byte[] block;

	final int[] source;

	final List<String> sources;

	private FeatureVector(int[] index, float[] count, byte[] block, int[] source, List<String> sources) {
		this.index = index;
		this.count = count;
		this.block = block;
		this.source = source;
		this.sources = sources;
	}

	int size() {
		return index.length;
	}

	/** Collects features by name; a repeated feature counts again. */
	static final class Builder {

		private final int mask;

		private final Map<Integer, float[]> slots = new HashMap<>();

		private final List<String> sources = new ArrayList<>();

		private final Map<String, Integer> sourceIds = new HashMap<>();

		Builder(int bits) {
			this.mask = (1 << bits) - 1;
		}

		/** Adds one occurrence of a feature of the given block (0, 1, 2...), explained by {@code source}. */
		void add(String feature, int block, String source) {
			int at = hash(feature) & mask;
			float[] slot = slots.get(at);
			if (slot == null) {
				Integer id = sourceIds.computeIfAbsent(source, s -> {
					sources.add(s);
					return sources.size() - 1;
				});
				slots.put(at, new float[] { 1, block, id });
			}
			else {
				slot[0]++;
			}
		}

		FeatureVector build() {
			int n = slots.size();
			int[] index = new int[n];
			float[] count = new float[n];
			byte[] block = new byte[n];
			int[] source = new int[n];
			int i = 0;
			for (var e : slots.entrySet()) {
				float[] slot = e.getValue();
				index[i] = e.getKey();
				count[i] = (float) (1 + Math.log(slot[0]));
				block[i] = (byte) slot[1];
				source[i] = (int) slot[2];
				i++;
			}
			return new FeatureVector(index, count, block, source, List.copyOf(sources));
		}

	}

	/** MurmurHash3's finalizer over the string's hash: spreads short n-grams over the low bits. */
	static int hash(String feature) {
		int h = feature.hashCode() * 0x9E3779B1;
		h ^= h >>> 16;
		h *= 0x85EBCA6B;
		h ^= h >>> 13;
		h *= 0xC2B2AE35;
		h ^= h >>> 16;
		return h;
	}

}
