package org.veche.moderation;

import java.util.Locale;
import java.util.Optional;

/**
 * Why a reader reports a comment.
 */
public enum ReportReason {

	SPAM, ABUSE, THREAT, OFF_TOPIC, ILLEGAL;

	public String param() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	public static Optional<ReportReason> parse(String value) {
		for (ReportReason reason : values()) {
			if (reason.param().equals(value) || reason.name().equals(value)) {
				return Optional.of(reason);
			}
		}
		return Optional.empty();
	}

}
