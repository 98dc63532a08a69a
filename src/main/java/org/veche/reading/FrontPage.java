package org.veche.reading;

import java.util.List;
import java.util.Map;

import org.veche.media.Photo;
import org.veche.publishing.ArticleSummary;
import org.veche.publishing.Listing;

/**
 * What the front page and a tag page (reading/front.jte) show: a page of the latest
 * articles and, on the front page's first page only, its sections.
 *
 * @param counts comment counts by article id, for every article shown
 * @param covers cover photos by photo id, for every article shown
 * @param tag the tag of a tag page, or null on the front page
 */
public record FrontPage(Listing listing, Map<Long, Integer> counts, Map<Long, Photo> covers, String tag,
		Sections sections) {

	/**
	 * The front page's sections beside the listing: all empty on a tag page and past the
	 * first page.
	 *
	 * @param tags the tag menu
	 */
	public record Sections(List<ArticleSummary> photoStories, List<ArticleSummary> mostDiscussed, List<String> tags) {

		static final Sections NONE = new Sections(List.of(), List.of(), List.of());

	}

}
