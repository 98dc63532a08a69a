package org.veche.live.internal;

import java.util.AbstractMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.veche.site.Page;

/**
 * A fragment by language that is rendered only when a reader of that language asks for
 * it, once. A comment posted during a spike is rendered for the languages someone is
 * reading the article in, not for all of them, and not at all when nobody has the article
 * open. Another node never gets these fragments: it is sent the ids and renders what its
 * own readers need (see {@link NodeLiveEvents}).
 */
final class RenderedOnDemand extends AbstractMap<String, String> {

	private final Function<Locale, String> render;

	private final Map<String, String> rendered = new ConcurrentHashMap<>();

	RenderedOnDemand(Function<Locale, String> render) {
		this.render = render;
	}

	@Override
	public String get(Object language) {
		for (Locale locale : Page.LANGUAGES) {
			if (locale.getLanguage().equals(language)) {
				return rendered.computeIfAbsent(locale.getLanguage(), key -> render.apply(locale));
			}
		}
		return null;
	}

	@Override
	public boolean containsKey(Object language) {
		return Page.LANGUAGES.stream().anyMatch(locale -> locale.getLanguage().equals(language));
	}

	@Override
	public boolean isEmpty() {
		return false;
	}

	@Override
	public int size() {
		return Page.LANGUAGES.size();
	}

	/** Every language rendered: only for a caller that really wants them all. */
	@Override
	public Set<Entry<String, String>> entrySet() {
		return Page.LANGUAGES.stream()
			.collect(Collectors.toMap(Locale::getLanguage, locale -> get(locale.getLanguage()), (a, b) -> a,
					java.util.LinkedHashMap::new))
			.entrySet();
	}

}
