package org.veche.moderation.filter;

/**
 * What a training file taught: how many examples it held, how many of them bad, and the
 * model's size now.
 */
public record TrainingReport(FilterTask task, int examples, int bad, long modelExamples) {

	public int fine() {
		return examples - bad;
	}

}
