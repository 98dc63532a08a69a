package org.veche.site;

import java.text.MessageFormat;
import java.util.Locale;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Formats a message pattern with arguments without a shared lock. Spring's message source
 * keeps one {@link MessageFormat} per message and language and formats inside
 * {@code synchronized} on it: every page that says "3 comments" queued on the same
 * monitor, and under 32 concurrent readers on two cores the waiting virtual threads
 * formed a convoy that made the slowest page seconds late (18 of 30 request threads were
 * blocked on one MessageFormat in a thread dump). Here each call formats with its own
 * copy of a parsed prototype.
 */
final class MessageFormats {

	private record Key(String pattern, Locale locale) {
	}

	private static final Cache<Key, MessageFormat> PROTOTYPES = Caffeine.newBuilder().maximumSize(4096).build();

	private MessageFormats() {
	}

	static String format(String pattern, Locale locale, Object[] args) {
		MessageFormat prototype = PROTOTYPES.get(new Key(pattern, locale),
				key -> new MessageFormat(key.pattern(), key.locale()));
		// MessageFormat is not thread-safe; a clone of the parsed pattern is cheap and
		// owned by this call alone
		return ((MessageFormat) prototype.clone()).format(args);
	}

}
