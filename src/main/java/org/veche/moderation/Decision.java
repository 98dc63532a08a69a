package org.veche.moderation;

import java.util.Locale;
import java.util.Optional;

import org.veche.discussion.CommentStatus;

/**
 * What a moderator decides about a comment, and the status it leads to. Trashing as
 * abusive is trash that also tells the filter the text was abuse.
 */
public enum Decision {

	APPROVE(CommentStatus.APPROVED), SPAM(CommentStatus.SPAM), NOT_SPAM(CommentStatus.APPROVED),
	TRASH(CommentStatus.TRASH), ABUSIVE(CommentStatus.TRASH);

	private final CommentStatus to;

	Decision(CommentStatus to) {
		this.to = to;
	}

	public CommentStatus to() {
		return to;
	}

	public String param() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	public static Optional<Decision> parse(String value) {
		for (Decision d : values()) {
			if (d.param().equals(value)) {
				return Optional.of(d);
			}
		}
		return Optional.empty();
	}

}
