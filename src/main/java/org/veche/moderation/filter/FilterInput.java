package org.veche.moderation.filter;

/**
 * One comment as the filter sees it. Any of the strings may be null. Only the domain of
 * the e-mail address is used (and kept with a decision), never the whole address.
 */
public record FilterInput(String text, String authorName, String email, String url, boolean newAuthor,
		boolean firstComment) {

	/**
	 * A comment known only by its text, as in a training file without metadata columns.
	 */
	public static FilterInput ofText(String text) {
		return new FilterInput(text, null, null, null, false, false);
	}

}
