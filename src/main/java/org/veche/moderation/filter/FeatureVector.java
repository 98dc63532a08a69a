package org.veche.moderation.filter;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A comment's hashed features: the index of each feature in the model, its sub-linear
 * count (1 + log n), the block it belongs to (words, character n-grams, metadata), and
 * which word or piece of metadata it came from, so that a verdict can name the words that
 * made it. The model weighs the counts.
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

	/**
	 * Collects features by hash; a repeated feature counts again. An open-addressing
	 * table of primitives, because scoring builds one for every comment and boxing would
	 * cost more than the model does.
	 */
	static final class Builder {

		private final int mask;

		private int[] keys = new int[256];

		private float[] counts = new float[256];

		private byte[] blocks = new byte[256];

		private int[] origins = new int[256];

		private int size;

		private final List<String> sources = new ArrayList<>();

		private final Map<String, Integer> sourceIds = new HashMap<>();

		private int lastSourceId = -1;

		private String lastSource;

		Builder(int bits) {
			this.mask = (1 << bits) - 1;
		}

		/**
		 * Adds one occurrence of a feature of the given block, explained by
		 * {@code source}.
		 */
		void add(String feature, int block, String source) {
			addHash(feature.hashCode(), block, source);
		}

		/** As {@link #add}, with the feature given by its {@link String#hashCode()}. */
		void addHash(int stringHash, int block, String source) {
			int at = (mix(stringHash) & mask) + 1; // 0 marks an empty slot
			int slot = find(at);
			if (keys[slot] == at) {
				counts[slot]++;
				return;
			}
			keys[slot] = at;
			counts[slot] = 1;
			blocks[slot] = (byte) block;
			origins[slot] = sourceId(source);
			if (++size * 2 > keys.length) {
				grow();
			}
		}

		private int find(int key) {
			int m = keys.length - 1;
			int i = mix(key) & m;
			while (keys[i] != 0 && keys[i] != key) {
				i = (i + 1) & m;
			}
			return i;
		}

		private int sourceId(String source) {
			if (source == lastSource) {
				return lastSourceId; // the n-grams of one word come in a row
			}
			Integer id = sourceIds.get(source);
			if (id == null) {
				id = sources.size();
				sources.add(source);
				sourceIds.put(source, id);
			}
			lastSource = source;
			lastSourceId = id;
			return id;
		}

		private void grow() {
			int[] oldKeys = keys;
			float[] oldCounts = counts;
			byte[] oldBlocks = blocks;
			int[] oldOrigins = origins;
			int n = oldKeys.length * 2;
			keys = new int[n];
			counts = new float[n];
			blocks = new byte[n];
			origins = new int[n];
			for (int k = 0; k < oldKeys.length; k++) {
				if (oldKeys[k] != 0) {
					int slot = find(oldKeys[k]);
					keys[slot] = oldKeys[k];
					counts[slot] = oldCounts[k];
					blocks[slot] = oldBlocks[k];
					origins[slot] = oldOrigins[k];
				}
			}
		}

		FeatureVector build() {
			int[] index = new int[size];
			float[] count = new float[size];
			byte[] block = new byte[size];
			int[] source = new int[size];
			int i = 0;
			for (int k = 0; k < keys.length; k++) {
				if (keys[k] != 0) {
					index[i] = keys[k] - 1;
					count[i] = (float) (1 + Math.log(counts[k]));
					block[i] = blocks[k];
					source[i] = origins[k];
					i++;
				}
			}
			return new FeatureVector(index, count, block, source, List.copyOf(sources));
		}

	}

	/**
	 * MurmurHash3's finalizer over a string's hash: spreads short n-grams over the low
	 * bits.
	 */
	static int mix(int stringHash) {
		int h = stringHash * 0x9E3779B1;
		h ^= h >>> 16;
		h *= 0x85EBCA6B;
		h ^= h >>> 13;
		h *= 0xC2B2AE35;
		h ^= h >>> 16;
		return h;
	}

}
