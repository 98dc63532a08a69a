package org.veche.moderation.filter;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A verdict of one classifier: the probability that the comment is bad, and the features
 * that pushed it that way most, strongest first (empty when nothing did), each with how
 * far it pushed.
 */
public record FilterScore(double probability, List<Evidence> evidence) {

	/**
	 * One word as the filter read it (folded: look-alike letters, leetspeak, spacing and
	 * stretching undone) or one piece of metadata, and its weight in the verdict: its
	 * features' contribution to the log-odds.
	 */
	public record Evidence(String feature, double weight) {

		/** "idiot +1.84": the folded word and its weight, the same in every language. */
		@Override
		public String toString() {
			return feature + " " + String.format(Locale.ROOT, "%+.2f", weight);
		}

	}

	public FilterScore {
		evidence = List.copyOf(evidence);
	}

	/** The features alone, strongest first. */
	public List<String> strongest() {
		return evidence.stream().map(Evidence::feature).toList();
	}

	/** The evidence as moderators read it: "idiot +1.84, moron +0.92". */
	public String explained() {
		return evidence.stream().map(Evidence::toString).collect(Collectors.joining(", "));
	}

}
