package org.veche.publishing.internal;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;

/**
 * Readable Latin slugs from titles in any of the site's languages: Cyrillic is
 * transliterated (as Ukrainian and Russian newsrooms do in their URLs), accents are
 * dropped, the rest becomes hyphens.
 */
public final class Slugs {

	private static final Map<Character, String> CYRILLIC = Map.ofEntries(Map.entry('а', "a"), Map.entry('б', "b"),
			Map.entry('в', "v"), Map.entry('г', "g"), Map.entry('ґ', "g"), Map.entry('д', "d"), Map.entry('е', "e"),
			Map.entry('є', "ye"), Map.entry('ё', "yo"), Map.entry('ж', "zh"), Map.entry('з', "z"), Map.entry('и', "i"),
			Map.entry('і', "i"), Map.entry('ї', "yi"), Map.entry('й', "y"), Map.entry('к', "k"), Map.entry('л', "l"),
			Map.entry('м', "m"), Map.entry('н', "n"), Map.entry('о', "o"), Map.entry('п', "p"), Map.entry('р', "r"),
			Map.entry('с', "s"), Map.entry('т', "t"), Map.entry('у', "u"), Map.entry('ф', "f"), Map.entry('х', "kh"),
			Map.entry('ц', "ts"), Map.entry('ч', "ch"), Map.entry('ш', "sh"), Map.entry('щ', "shch"),
			Map.entry('ъ', ""), Map.entry('ы', "y"), Map.entry('ь', ""), Map.entry('э', "e"), Map.entry('ю', "yu"),
			Map.entry('я', "ya"));

	private static final int MAX_LENGTH = 80;

	private Slugs() {
	}

	public static String of(String title) {
		var latin = new StringBuilder();
		for (char c : title.toLowerCase(Locale.ROOT).toCharArray()) {
			latin.append(CYRILLIC.getOrDefault(c, String.valueOf(c)));
		}
		String plain = Normalizer.normalize(latin, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
		String slug = plain.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
		if (slug.length() > MAX_LENGTH) {
			slug = slug.substring(0, MAX_LENGTH).replaceAll("-+$", "");
		}
		return slug.isEmpty() ? "article" : slug;
	}

}
