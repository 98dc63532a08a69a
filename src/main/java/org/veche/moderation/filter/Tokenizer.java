package org.veche.moderation.filter;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a comment into normalized tokens. Spammers and abusers disguise words ("fr33
 * m0ney", "f.u.c.k", a Cyrillic "о" inside a Latin word, "ддддурак"), so the text is
 * NFKC-normalized and case-folded, invisible characters are dropped, runs of one
 * character are squeezed, digits and symbols inside words are read as the letters they
 * imitate, look-alike letters are brought to the word's main script, and single letters
 * spaced out are joined again; in a mostly Cyrillic comment, a Latin word drawn only with
 * letters that look Cyrillic is read as Cyrillic. Links and e-mail addresses become
 * tokens of their own ({@code <link>} and the host).
 */
final class Tokenizer {

	static final String LINK = "<link>";

	static final String EMAIL = "<email>";

	static final String MENTION = "<mention>";

	static final String NUMBER = "<number>";

	/**
	 * E-mail addresses, links with a scheme or "www.", and bare domains of common
	 * top-level domains, matched on lower-cased text. The look-behinds let a match start
	 * only where a word does, and the possessive runs never backtrack, so a long comment
	 * costs one pass rather than one per character.
	 */
	private static final Pattern ADDRESS = Pattern
		.compile("(?<![\\p{L}\\p{N}._%+-])(?<email>[\\p{L}\\p{N}._%+-]++@[\\p{L}\\p{N}-]++(?:\\.[\\p{L}\\p{N}-]++)+)"
				+ "|(?<link>(?:https?://|www\\.)[^\\s<>\"'()\\[\\]]+"
				+ "|(?<![\\p{L}\\p{N}.-])(?:[\\p{L}\\p{N}-]++\\.)+(?:com|net|org|info|biz|io|me|co|ru|ua|su|by|kz|рф|укр|uk|us"
				+ "|de|fr|eu|tv|ly|gl|be|to|tk|xyz|top|site|online|club|link|shop|app|dev|in|cc|ws)(?![\\p{L}\\p{N}])"
				+ "(?:/[^\\s<>\"'()\\[\\]]*)?)");

	private static final Pattern TAG = Pattern.compile("<[a-zA-Z/!][^<>]{0,500}>");

	private static final Pattern HREF = Pattern.compile("href\\s*=\\s*[\"']?([^\"'\\s>]+)", Pattern.CASE_INSENSITIVE);

	private static final Pattern ENTITY = Pattern
		.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|amp|lt|gt|quot|apos|nbsp);");

	/** Latin letters and the Cyrillic letters drawn the same, pair by pair. */
	private static final String LATIN_LOOKS = "aceopxykmthbiu";

	private static final String CYRILLIC_LOOKS = "асеорхукмтнвіи";

	/** Tokens and what the tokenizer counted on the way. */
	record Tokens(List<String> words, List<String> hosts, int links, int emails, boolean shouting, boolean elongated) {
	}

	private Tokenizer() {
	}

	static Tokens tokenize(String raw) {
		var words = new ArrayList<String>();
		var hosts = new ArrayList<String>();
		if (raw == null || raw.isEmpty()) {
			return new Tokens(words, hosts, 0, 0, false, false);
		}
		String text = Normalizer.normalize(decodeEntities(unwrapTags(raw)), Normalizer.Form.NFKC);
		boolean shouting = shouting(text);
		text = text.toLowerCase(Locale.ROOT);
		boolean cyrillicText = mostlyCyrillic(text);
		var counts = new int[2];
		boolean[] elongated = { false };
		int i = 0;
		int n = text.length();
		while (i < n) {
			while (i < n && isSpace(text.charAt(i))) {
				i++;
			}
			int start = i;
			while (i < n && !isSpace(text.charAt(i))) {
				i++;
			}
			if (i > start) {
				piece(text.substring(start, i), cyrillicText, words, hosts, counts, elongated);
			}
		}
		return new Tokens(joinSpacedLetters(words), hosts, counts[0], counts[1], shouting, elongated[0]);
	}

	/**
	 * One piece of text between white space. Only a piece with a dot, "@" or ":" can hold
	 * a link or an address, so only such pieces meet the pattern: most words never do.
	 */
	private static void piece(String piece, boolean cyrillicText, List<String> words, List<String> hosts, int[] counts,
			boolean[] elongated) {
		if (piece.indexOf('.') < 0 && piece.indexOf('@') < 0 && piece.indexOf(':') < 0) {
			chunk(piece, cyrillicText, words, elongated);
			return;
		}
		Matcher m = ADDRESS.matcher(piece);
		int at = 0;
		while (m.find()) {
			if (m.start() > at) {
				chunk(piece.substring(at, m.start()), cyrillicText, words, elongated);
			}
			String email = m.group("email");
			if (email != null) {
				counts[1]++;
				words.add(EMAIL);
				hosts.add(host(email.substring(email.indexOf('@') + 1)));
			}
			else {
				counts[0]++;
				words.add(LINK);
				hosts.add(host(m.group("link")));
			}
			at = m.end();
		}
		if (at < piece.length()) {
			chunk(at == 0 ? piece : piece.substring(at), cyrillicText, words, elongated);
		}
	}

	/**
	 * The host of a link or e-mail domain, lower case and without "www.", or the text
	 * itself if none.
	 */
	static String host(String link) {
		String s = link.toLowerCase(Locale.ROOT).replaceFirst("^[a-z]+://", "");
		int end = 0;
		while (end < s.length() && "/?#:".indexOf(s.charAt(end)) < 0) {
			end++;
		}
		s = s.substring(0, end);
		return s.startsWith("www.") ? s.substring(4) : s;
	}

	private static String unwrapTags(String raw) {
		if (raw.indexOf('<') < 0) {
			return raw;
		}
		// a link inside <a href=...> still counts as a link; the rest of the markup is
		// only noise
		return TAG.matcher(raw).replaceAll(tag -> {
			Matcher href = HREF.matcher(tag.group());
			return href.find() ? " " + Matcher.quoteReplacement(href.group(1)) + " " : " ";
		});
	}

	private static String decodeEntities(String s) {
		if (s.indexOf('&') < 0) {
			return s;
		}
		return ENTITY.matcher(s).replaceAll(e -> {
			String name = e.group(1);
			String c = switch (name) {
				case "amp" -> "&";
				case "lt" -> "<";
				case "gt" -> ">";
				case "quot" -> "\"";
				case "apos" -> "'";
				case "nbsp" -> " ";
				default -> {
					int cp = name.charAt(1) == 'x' || name.charAt(1) == 'X' ? Integer.parseInt(name.substring(2), 16)
							: Integer.parseInt(name.substring(1));
					yield Character.isValidCodePoint(cp) ? Character.toString(cp) : " ";
				}
			};
			return Matcher.quoteReplacement(c);
		});
	}

	private static boolean shouting(String text) {
		int letters = 0;
		int upper = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isLetter(c)) {
				letters++;
				if (Character.isUpperCase(c)) {
					upper++;
				}
			}
		}
		return letters >= 8 && upper * 10 >= letters * 7;
	}

	/**
	 * More Cyrillic letters than Latin ones: a Russian or Ukrainian comment, whatever a
	 * few words are typed in.
	 */
	private static boolean mostlyCyrillic(String text) {
		int latin = 0;
		int cyrillic = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c >= 'a' && c <= 'z') {
				latin++;
			}
			else if (c >= 'а' && c <= 'я' || c == 'і' || c == 'ї' || c == 'є' || c == 'ґ' || c == 'ё') {
				cyrillic++;
			}
		}
		return cyrillic > latin;
	}

	private static boolean isSpace(char c) {
		return Character.isWhitespace(c) || Character.isSpaceChar(c);
	}

	private static void chunk(String chunk, boolean cyrillicText, List<String> out, boolean[] elongated) {
		var sb = new StringBuilder(chunk.length());
		int latin = 0;
		int cyrillic = 0;
		for (int i = 0; i < chunk.length();) {
			int cp = chunk.codePointAt(i);
			i += Character.charCount(cp);
			int type = Character.getType(cp);
			if (type == Character.FORMAT || type == Character.NON_SPACING_MARK || type == Character.CONTROL) {
				continue; // zero-width joiners, BOMs, stacked accents ("Zalgo")
			}
			if (cp == 'ё') {
				cp = 'е';
			}
			else if (cp >= 0x250) {
				cp = Folding.lookAlike(cp); // Greek "ο", Cyrillic "ѕ" and the like, read
											// as Latin
			}
			if (Character.isLetter(cp)) {
				Character.UnicodeScript script = Character.UnicodeScript.of(cp);
				if (script == Character.UnicodeScript.LATIN) {
					latin++;
				}
				else if (script == Character.UnicodeScript.CYRILLIC) {
					cyrillic++;
				}
			}
			sb.appendCodePoint(cp);
		}
		String s = sb.toString();
		if (s.isEmpty()) {
			return;
		}
		if (s.charAt(0) == '@' && s.length() > 1 && Character.isLetterOrDigit(s.charAt(1))) {
			out.add(MENTION);
			return;
		}
		boolean inCyrillic = cyrillic > latin;
		if (latin > 0 && cyrillic > 0) {
			inCyrillic = mainScriptIsCyrillic(s, inCyrillic, cyrillicText);
			s = toScript(s, inCyrillic);
		}
		else if (latin > 0 && cyrillicText && drawnInCyrillic(s)) {
			// "cyka" in a Russian comment: Latin letters chosen only for how they look
			s = toScript(s, true);
			inCyrillic = true;
		}
		if (latin + cyrillic > 0) {
			s = leet(s, inCyrillic);
		}
		s = squeeze(s, elongated);
		split(s, out);
	}

	/**
	 * The script a word of both is written in: the one with a letter the other script has
	 * no look-alike for ("іdіоt" has a Latin "d", so it is Latin though most of its
	 * letters are Cyrillic); when both or neither have one, the script of most of its
	 * letters, or of the comment for a tie.
	 */
	private static boolean mainScriptIsCyrillic(String s, boolean mostlyCyrillic, boolean cyrillicText) {
		boolean onlyLatin = false;
		boolean onlyCyrillic = false;
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (c >= 'a' && c <= 'z' && LATIN_LOOKS.indexOf(c) < 0) {
				onlyLatin = true;
			}
			else if (c >= 'а' && CYRILLIC_LOOKS.indexOf(c) < 0 && Character.isLetter(c)
					&& Character.UnicodeScript.of(c) == Character.UnicodeScript.CYRILLIC) {
				onlyCyrillic = true;
			}
		}
		if (onlyLatin != onlyCyrillic) {
			return onlyCyrillic;
		}
		int latin = 0;
		int cyrillic = 0;
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			latin += c >= 'a' && c <= 'z' ? 1 : 0;
			cyrillic += c >= 'а' && Character.isLetter(c) ? 1 : 0;
		}
		return latin == cyrillic ? cyrillicText : mostlyCyrillic;
	}

	/**
	 * Every letter of the word is a Latin letter drawn like a Cyrillic one ("cyka", "xyй"
	 * is mixed already).
	 */
	private static boolean drawnInCyrillic(String s) {
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (Character.isLetter(c) && LATIN_LOOKS.indexOf(c) < 0) {
				return false;
			}
		}
		return true;
	}

	/** Look-alike letters of the other script become the word's main script. */
	private static String toScript(String s, boolean cyrillic) {
		String from = cyrillic ? LATIN_LOOKS : CYRILLIC_LOOKS;
		String to = cyrillic ? CYRILLIC_LOOKS : LATIN_LOOKS;
		var sb = new StringBuilder(s.length());
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			int k = from.indexOf(c);
			sb.append(k >= 0 ? to.charAt(k) : c);
		}
		return sb.toString();
	}

	/**
	 * Digits and symbols between letters are read as the letters they imitate ("sh1t",
	 * "fr33dom", "b@stard", "п0шел"), and so is a "$" before letters ("$ale") and an "@"
	 * after them ("сук@"). Digits at the end of a word stay ("mp3", "reader2024"): they
	 * are more often a number than a disguise.
	 */
	private static String leet(String s, boolean cyrillic) {
		char[] c = s.toCharArray();
		boolean changed = false;
		int i = 0;
		while (i < c.length) {
			if (Character.isLetter(c[i]) || imitated(c[i], cyrillic) == 0) {
				i++;
				continue;
			}
			int end = i;
			while (end < c.length && !Character.isLetter(c[end]) && imitated(c[end], cyrillic) != 0) {
				end++;
			}
			boolean before = i > 0 && Character.isLetter(c[i - 1]);
			boolean after = end < c.length && Character.isLetter(c[end]);
			boolean dollar = i == 0 && c[i] == '$' && end == 1 && after;
			// "сук@", "bitch@": an "@" closing a word is a letter too (an address never
			// gets here)
			boolean at = before && end == c.length && end == i + 1 && c[i] == '@' && i >= 2;
			if (before && after || dollar || at) {
				for (int k = i; k < end; k++) {
					c[k] = imitated(c[k], cyrillic);
				}
				changed = true;
			}
			i = Math.max(end, i + 1);
		}
		return changed ? new String(c) : s;
	}

	private static char imitated(char c, boolean cyrillic) {
		return cyrillic ? switch (c) {
			case '0' -> 'о';
			case '3' -> 'з';
			case '4' -> 'ч';
			case '6' -> 'б';
			case '@' -> 'а';
			case '$' -> 'с';
			default -> (char) 0;
		} : switch (c) {
			case '0' -> 'o';
			case '1', '!' -> 'i';
			case '3' -> 'e';
			case '4', '@' -> 'a';
			case '5', '$' -> 's';
			case '7' -> 't';
			case '8' -> 'b';
			default -> (char) 0;
		};
	}

	/**
	 * Three or more of the same character become one: "sooooo" is "so", "!!!!!" is "!".
	 */
	private static String squeeze(String s, boolean[] elongated) {
		var sb = new StringBuilder(s.length());
		int run = 0;
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			run = i > 0 && s.charAt(i - 1) == c ? run + 1 : 1;
			sb.append(c);
			if (run == 3) {
				sb.setLength(sb.length() - 3);
				sb.append(c);
				if (Character.isLetter(c)) {
					elongated[0] = true;
				}
			}
			else if (run > 3) {
				sb.setLength(sb.length() - 1);
			}
		}
		return sb.toString();
	}

	/**
	 * Splits a mended chunk into words at punctuation. Letters broken up by separators
	 * ("f.u.c.k", "к-у-п-и") are joined; other punctuation ends a word, and "!", "?",
	 * currency and other symbols are tokens themselves.
	 */
	private static void split(String s, List<String> out) {
		String joined = joinSeparated(s);
		var word = new StringBuilder();
		for (int i = 0; i < joined.length();) {
			int cp = joined.codePointAt(i);
			i += Character.charCount(cp);
			if (Character.isLetterOrDigit(cp) || cp == '*' && !word.isEmpty()) {
				word.appendCodePoint(cp); // "f*ck": a masked letter stays part of the
											// word
			}
			else if (cp == '\'' || cp == '’') {
				// "don't" is one word
			}
			else {
				flush(word, out);
				int type = Character.getType(cp);
				if (cp == '!' || cp == '?' || type == Character.CURRENCY_SYMBOL || type == Character.OTHER_SYMBOL
						|| type == Character.MATH_SYMBOL) {
					out.add(Character.toString(cp));
				}
			}
		}
		flush(word, out);
	}

	private static String joinSeparated(String s) {
		// single letters or digits with one separator between each: at least three of
		// them
		int pieces = 0;
		for (int i = 0; i < s.length(); i += 2) {
			if (!Character.isLetterOrDigit(s.charAt(i))
					|| i + 1 < s.length() && ".-_*|~+".indexOf(s.charAt(i + 1)) < 0) {
				return s;
			}
			pieces++;
		}
		if (pieces < 3) {
			return s;
		}
		var sb = new StringBuilder();
		for (int i = 0; i < s.length(); i += 2) {
			sb.append(s.charAt(i));
		}
		return sb.toString();
	}

	private static void flush(StringBuilder word, List<String> out) {
		if (word.isEmpty()) {
			return;
		}
		int end = word.length();
		while (end > 0 && word.charAt(end - 1) == '*') {
			end--;
		}
		String w = word.substring(0, end);
		word.setLength(0);
		if (w.isEmpty()) {
			return;
		}
		boolean digits = w.chars().allMatch(Character::isDigit);
		out.add(digits && w.length() >= 5 ? NUMBER : w);
	}

	/** "к у п и т е" or "f u c k": three or more single letters in a row are one word. */
	private static List<String> joinSpacedLetters(List<String> words) {
		var out = new ArrayList<String>(words.size());
		int i = 0;
		while (i < words.size()) {
			int j = i;
			while (j < words.size() && isSingleLetter(words.get(j))) {
				j++;
			}
			if (j - i >= 3) {
				var sb = new StringBuilder();
				for (int k = i; k < j; k++) {
					sb.append(words.get(k));
				}
				out.add(sb.toString());
				i = j;
			}
			else {
				out.add(words.get(i));
				i++;
			}
		}
		return out;
	}

	private static boolean isSingleLetter(String w) {
		return w.length() == 1 && Character.isLetter(w.charAt(0));
	}

}
