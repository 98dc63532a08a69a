package org.veche.live;

import java.util.Map;

/**
 * Something an open article page should show at once. It carries what every node needs to
 * tell its readers without asking the database again: the comment or update rendered once
 * in each of the site's languages.
 *
 * @param id the comment's or update's id
 * @param parentId the comment a new comment answers, or null
 * @param likes the new like count (LIKES only)
 * @param html the fragment by language ("en", "ru", "uk"), for COMMENT and UPDATE; empty
 * otherwise
 */
public record LiveEvent(long articleId, Kind kind, long id, Long parentId, int likes, Map<String, String> html) {

	public enum Kind {

		/** An approved comment to show (new, or approved by a moderator). */
		COMMENT,
		/** A comment's like count changed. */
		LIKES,
		/** A comment is no longer approved: take it off the page. */
		HIDE,
		/** A new live blog update. */
		UPDATE,
		/** A live blog update was withdrawn. */
		UPDATE_REMOVED

	}

}
