package org.veche.reading;

import org.veche.publishing.ArticleHit;
import org.veche.site.FormError;
import org.veche.site.Found;

/**
 * What the search page (reading/search.jte) shows: the form, the error of a query the
 * site cannot search for, and one list of results, articles or comments, with both totals
 * for the tabs.
 *
 * @param q the words typed, empty before the first search
 * @param comments whether the comments' list is asked for
 * @param error why the query was refused, or null
 * @param articles the articles found, or null when comments are shown or nothing was
 * searched
 * @param found the comments found ({@link FoundComment}s), or null when articles are
 * shown or nothing was searched
 */
public record SearchPage(String q, boolean comments, FormError error, Found<ArticleHit> articles,
		Found<FoundComment> found, Totals totals) {

	/** How many articles and how many comments the query finds, for the tabs. */
	public record Totals(long articles, long comments) {

		static final Totals NONE = new Totals(0, 0);

	}

}
