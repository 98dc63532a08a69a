package org.veche.feed;

import java.util.List;

/**
 * What an article's head tells link previews and search engines (OpenGraph, Twitter
 * cards, JSON-LD).
 *
 * @param imageUrl the cover photo's absolute address, or null
 * @param jsonLd the NewsArticle as JSON that cannot end its script element (every '<' is
 * escaped)
 * @param commentFeed the path of the article's comment feed, for autodiscovery
 */
public record ShareCard(String url, String title, String description, String siteName, String imageUrl, String imageAlt,
		String publishedAt, String modifiedAt, String author, List<String> tags, String jsonLd, String commentFeed) {

	/**
	 * The photo a link preview shows: its path on this site and its alternative text.
	 */
	public record Picture(String path, String alt) {
	}

}
