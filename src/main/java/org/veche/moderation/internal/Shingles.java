package org.veche.moderation.internal;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * MinHash signatures of a text's character shingles: two signatures agree in about the
 * share of positions that is the Jaccard similarity of the two texts' shingle sets, so
 * near-duplicates are found without keeping the texts. Case, accents, punctuation and
 * runs of spaces are folded first, as raiders vary exactly those.
 */
final class Shingles {

	static final int SIZE = 5;

	static final int HASHES = 128;

	/** Fixed seeds: signatures from one run of the site compare with each other. */
	private static final long[] SEEDS = new SplittableRandom(0x5eed_ca11L).longs(HASHES).toArray();

	private Shingles() {
	}

	static String fold(String text) {
		String plain = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
		return plain.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
	}

	static long[] signature(String text) {
		String folded = fold(text);
		long[] signature = new long[HASHES];
		Arrays.fill(signature, Long.MAX_VALUE);
		if (folded.isEmpty()) {
			return signature;
		}
		int last = Math.max(1, folded.length() - SIZE + 1);
		for (int i = 0; i < last; i++) {
			long shingle = hash(folded, i, Math.min(folded.length(), i + SIZE));
			for (int h = 0; h < HASHES; h++) {
				long value = mix(shingle ^ SEEDS[h]);
				if (value < signature[h]) {
					signature[h] = value;
				}
			}
		}
		return signature;
	}

	static double similarity(long[] a, long[] b) {
		int same = 0;
		for (int i = 0; i < HASHES; i++) {
			if (a[i] == b[i]) {
				same++;
			}
		}
		return (double) same / HASHES;
	}

	private static long hash(String text, int from, int to) {
		long h = 0xcbf29ce484222325L;
		for (int i = from; i < to; i++) {
			h = (h ^ text.charAt(i)) * 0x100000001b3L;
		}
		return h;
	}

	/** SplitMix64's finaliser: a cheap, well-spread 64-bit hash. */
	private static long mix(long z) {
		z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
		z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
		return z ^ (z >>> 31);
	}

}
