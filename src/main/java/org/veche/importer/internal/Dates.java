package org.veche.importer.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The dates exports write: WordPress's "2010-07-19 14:24:22" (GMT, or the blog's own
 * time), RSS's RFC 1123 and Disqus's ISO 8601. WordPress writes 0000-00-00 00:00:00 for
 * "never".
 */
final class Dates {

	private static final DateTimeFormatter WORDPRESS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private Dates() {
	}

	static Optional<Instant> wordpress(String value) {
		if (value == null || value.isBlank() || value.startsWith("0000")) {
			return Optional.empty();
		}
		try {
			return Optional.of(LocalDateTime.parse(value.strip(), WORDPRESS).toInstant(ZoneOffset.UTC));
		}
		catch (DateTimeParseException ex) {
			return Optional.empty();
		}
	}

	static Optional<Instant> rss(String value) {
		try {
			return value == null || value.isBlank() ? Optional.empty()
					: Optional.of(ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
		}
		catch (DateTimeParseException ex) {
			return Optional.empty();
		}
	}

	static Optional<Instant> iso(String value) {
		try {
			return value == null || value.isBlank() ? Optional.empty()
					: Optional.of(java.time.OffsetDateTime.parse(value.strip()).toInstant());
		}
		catch (DateTimeParseException ex) {
			return Optional.empty();
		}
	}

}
