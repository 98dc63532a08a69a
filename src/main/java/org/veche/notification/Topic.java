package org.veche.notification;

import java.util.Locale;
import java.util.Optional;

/**
 * What a subscription is about.
 */
public enum Topic {

	/** Replies to one of the reader's comments (the target is the comment). */
	REPLIES,
	/** Every new comment on one article (the target is the article). */
	COMMENTS,
	/** New articles on the site. */
	ARTICLES,
	/** Comments held for moderation; moderators only. */
	HELD,
	/** Comments readers report; moderators only. */
	REPORTS;

	/** Whether a digest may gather it; replies and comments go out as they come. */
	public boolean mayDigest() {
		return this == ARTICLES || this == HELD || this == REPORTS;
	}

	public boolean forModerators() {
		return this == HELD || this == REPORTS;
	}

	public String param() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<Topic> parse(String value) {
		for (Topic topic : values()) {
			if (topic.param().equals(value)) {
				return Optional.of(topic);
			}
		}
		return Optional.empty();
	}

}
