package org.veche.moderation.appeal;

import java.util.Locale;
import java.util.Optional;

/**
 * How moderators answered an appeal: the decision stands, or the comment is published.
 */
public enum AppealOutcome {

	UPHELD, REVERSED;

	public String param() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static Optional<AppealOutcome> parse(String value) {
		for (AppealOutcome outcome : values()) {
			if (outcome.param().equals(value)) {
				return Optional.of(outcome);
			}
		}
		return Optional.empty();
	}

}
