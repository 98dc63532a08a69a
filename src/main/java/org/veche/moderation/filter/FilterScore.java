package org.veche.moderation.filter;

import java.util.List;

/**
 * A verdict of one classifier: the probability that the comment is bad, and the words or features that pushed
 * it that way most, strongest first (empty when nothing did).
 */
public record FilterScore(double probability, List<String> strongest) {

	public FilterScore {
		strongest = List.copyOf(strongest);
	}

}
