package org.veche.live;

import java.time.Instant;

/**
 * One short update of a live blog, as readers see it.
 */
public record LiveUpdate(long id, long articleId, String body, String bodyHtml, String authorName, Instant createdAt) {

	public String anchor() {
		return "update-" + id;
	}

}
