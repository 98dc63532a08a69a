package org.veche.site;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a reader typed into the search box, as the words it holds. Only letters, digits
 * and combining marks make a word; everything else (quotes, operators, brackets) only
 * separates words, so no input can reach a search engine's query syntax, and every word
 * is quoted again when a query is written for it.
 */
public record SearchQuery(String text, List<String> words) {

	public static final int MAX_LENGTH = 200;

	public static final int MAX_WORDS = 8;

	private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}\\p{M}]+");

	/**
	 * Endings of Russian and Ukrainian words, longest first: no engine here stems
	 * Ukrainian, and SQLite stems neither, so a Cyrillic word is searched as the prefix
	 * left without its ending ("новости" finds "новость").
	 */
	private static final List<String> ENDINGS = List.of("иями", "ями", "ами", "ого", "его", "ому", "ему", "ыми", "ими",
			"их", "ых", "ой", "ей", "ий", "ый", "ій", "ая", "яя", "ое", "ее", "ые", "ие", "ов", "ев", "ів", "ам", "ям",
			"ах", "ях", "ом", "ем", "ую", "юю", "ою", "ею", "а", "я", "о", "е", "и", "ы", "у", "ю", "ь", "й", "і", "ї",
			"є");

	private static final Pattern HAS_LETTER = Pattern.compile("[\\p{L}\\p{N}]");

	private static final Pattern CYRILLIC = Pattern.compile("\\p{IsCyrillic}+");

	/**
	 * The words of what was typed; refuses nothing typed, too much, or nothing that makes
	 * a word.
	 */
	public static SearchQuery of(String typed) {
		String text = typed == null ? "" : typed.strip();
		if (text.isEmpty()) {
			throw new RejectedInput("search.empty");
		}
		if (text.length() > MAX_LENGTH) {
			throw new RejectedInput("search.tooLong", MAX_LENGTH);
		}
		var words = new ArrayList<String>();
		for (String word : NOT_WORD.split(text.toLowerCase(Locale.ROOT))) {
			// a word of combining marks alone would be an empty phrase once the engine
			// drops the marks
			if (HAS_LETTER.matcher(word).find() && !words.contains(word) && words.size() < MAX_WORDS) {
				words.add(word);
			}
		}
		if (words.isEmpty()) {
			throw new RejectedInput("search.noWords");
		}
		return new SearchQuery(text, List.copyOf(words));
	}

	/**
	 * The word as searched by its beginning: a Cyrillic word loses its ending while four
	 * letters remain.
	 */
	public static String stem(String word) {
		if (!CYRILLIC.matcher(word).matches()) {
			return word;
		}
		for (String ending : ENDINGS) {
			if (word.endsWith(ending) && word.length() - ending.length() >= 4) {
				return word.substring(0, word.length() - ending.length());
			}
		}
		return word;
	}

	/**
	 * An SQLite FTS5 query: every word quoted (a quote inside doubled) and searched as a
	 * prefix, all required.
	 */
	public String fts5() {
		var query = new StringBuilder();
		for (String word : words) {
			if (!query.isEmpty()) {
				query.append(' ');
			}
			query.append('"').append(stem(word).replace("\"", "\"\"")).append("\"*");
		}
		return query.toString();
	}

	/** The words for PostgreSQL's plainto_tsquery, which reads no operators at all. */
	public String plain() {
		return String.join(" ", words);
	}

	/**
	 * A PostgreSQL to_tsquery of every word's stem as a prefix, all required; words are
	 * letters and digits only.
	 */
	public String prefixes() {
		var query = new StringBuilder();
		for (String word : words) {
			if (!query.isEmpty()) {
				query.append(" & ");
			}
			query.append('\'').append(stem(word).replace("'", "''").replace("\\", "\\\\")).append("':*");
		}
		return query.toString();
	}

}
