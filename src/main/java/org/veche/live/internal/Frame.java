package org.veche.live.internal;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter.DataWithMediaType;

/**
 * One event as it goes on the wire, encoded once for all readers of a language, and only
 * when the first reader of that language is sent it (a reconnecting one included): a
 * language nobody reads costs nothing.
 */
final class Frame {

	private final long seq;

	private final long at;

	private final Function<String, Set<DataWithMediaType>> encode;

	private final Map<String, Set<DataWithMediaType>> byLanguage = new ConcurrentHashMap<>();

	/**
	 * @param at when it was broadcast, epoch milliseconds
	 * @param encode the frame for a language ("" for a reader whose language is not
	 * known)
	 */
	Frame(long seq, long at, Function<String, Set<DataWithMediaType>> encode) {
		this.seq = seq;
		this.at = at;
		this.encode = encode;
	}

	long seq() {
		return seq;
	}

	long at() {
		return at;
	}

	Set<DataWithMediaType> forLanguage(String language) {
		return byLanguage.computeIfAbsent(language == null ? "" : language, encode);
	}

}
