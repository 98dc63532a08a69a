package org.veche.live.internal;

import java.util.Map;
import java.util.Set;

import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter.DataWithMediaType;

/**
 * One event as it goes on the wire, encoded once for all readers (once per language when it carries HTML).
 * @param at when it was broadcast, epoch milliseconds
 */
record Frame(long seq, long at, Map<String, Set<DataWithMediaType>> byLanguage) {

	Set<DataWithMediaType> forLanguage(String language) {
		var frame = byLanguage.get(language);
		return frame != null ? frame : byLanguage.values().iterator().next();
	}

}
