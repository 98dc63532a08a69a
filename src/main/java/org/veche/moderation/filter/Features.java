package org.veche.moderation.filter;

import java.util.List;

/**
 * What the models read from a comment: words, each also as its skeleton ({@link Folding}:
 * one form for a Russian or Ukrainian word in Cyrillic or typed in Latin letters),
 * character n-grams of each word (which catch inflections, misspellings and disguised
 * words the tokenizer could not mend), pairs of neighbouring words, and metadata: how
 * many links, a new author, a first comment, the author's name words, e-mail domain and
 * website host.
 */
final class Features {

	static final int WORDS = 0;

	static final int CHARS = 1;

	static final int PAIRS = 2;

	static final int META = 3;

	/** The hashed feature space: 2^20 weights, about a million. */
	static final int BITS = 20;

	/**
	 * The feature set's version, saved with each model: a model learned on other features
	 * would weigh the wrong hashes, so a model of another version is not used. 1: issue
	 * 4; 2: skeletons, pairs (issue 16).
	 */
	static final int VERSION = 2;

	// Word pairs came back in issue 16 as a block of their own, shorter than the words'
	// (LinearModel): so they no longer dilute the words, and they raised spam F1 and the
	// Russian pairs' ROC AUC (docs/BENCHMARKS.md).

	private static final int MIN_GRAM = 2;

	private static final int MAX_GRAM = 5;

	private Features() {
	}

	static FeatureVector of(FilterInput input) {
		var b = new FeatureVector.Builder(BITS);
		var tokens = Tokenizer.tokenize(input.text());
		List<String> words = tokens.words();
		String previous = null;
		for (String w : words) {
			b.add("w:" + w, WORDS, w);
			if (previous != null) {
				b.add("p:" + previous + " " + w, PAIRS, w);
			}
			previous = w;
			if (w.charAt(0) != '<') {
				// the skeleton joins "сука" typed in Latin ("suka") and a doubled letter
				// ("fuuck") to the word learned
				String skeleton = Folding.skeleton(w);
				b.add("k:" + skeleton, WORDS, w);
				// a Cyrillic word's n-grams are its skeleton's, so that Russian typed in
				// Latin letters meets them
				grams(b, Folding.cyrillic(w) ? skeleton : w, w);
			}
		}
		if (words.isEmpty()) {
			b.add("m:empty", META, "(empty)");
		}
		for (String host : tokens.hosts()) {
			b.add("h:" + host, WORDS, host);
		}
		int links = tokens.links();
		b.add("m:links=" + Math.min(links, 3), META, "links: " + Math.min(links, 3) + (links > 3 ? "+" : ""));
		if (tokens.emails() > 0) {
			b.add("m:emails", META, "e-mail address in the text");
		}
		if (tokens.shouting()) {
			b.add("m:shouting", META, "written in capitals");
		}
		if (tokens.elongated()) {
			b.add("m:elongated", META, "stretched words");
		}
		int length = input.text() == null ? 0 : input.text().length();
		b.add("m:length=" + (32 - Integer.numberOfLeadingZeros(length / 16)), META, "length");
		if (input.newAuthor()) {
			b.add("m:new-author", META, "new author");
		}
		if (input.firstComment()) {
			b.add("m:first-comment", META, "first comment");
		}
		author(b, input);
		return b.build();
	}

	private static void author(FeatureVector.Builder b, FilterInput input) {
		if (!blank(input.authorName())) {
			for (String w : Tokenizer.tokenize(input.authorName()).words()) {
				b.add("a:" + w, META, "name: " + w);
			}
		}
		if (!blank(input.email())) {
			String email = input.email().strip();
			String domain = Tokenizer.host(email.substring(email.lastIndexOf('@') + 1));
			b.add("e:" + domain, META, "e-mail domain: " + domain);
		}
		if (!blank(input.url())) {
			String host = Tokenizer.host(input.url().strip());
			b.add("u:" + host, META, "website: " + host);
			b.add("m:website", META, "website given");
		}
	}

	/**
	 * Character n-grams of a word padded with spaces, as scikit-learn's "char_wb"
	 * analyzer makes them. Each n-gram's hash is {@code String.hashCode} of the n-gram,
	 * grown one character at a time, so no n-gram string is ever made.
	 */
	private static void grams(FeatureVector.Builder b, String word, String source) {
		int n = word.length() + 2;
		for (int i = 0; i + MIN_GRAM <= n; i++) {
			int h = 0;
			for (int k = 0; k < MAX_GRAM && i + k < n; k++) {
				int at = i + k;
				char c = at == 0 || at == n - 1 ? ' ' : word.charAt(at - 1);
				h = 31 * h + c;
				if (k + 1 >= MIN_GRAM) {
					b.addHash(h, CHARS, source);
				}
			}
		}
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

}
