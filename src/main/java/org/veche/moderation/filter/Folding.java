package org.veche.moderation.filter;

/**
 * Brings a word's spellings to one form, so that a word the filter learned in one
 * spelling still counts in another. Two kinds: look-alike letters of other scripts (Greek
 * "ο" or Cyrillic "ѕ" in a Latin word), which the tokenizer replaces before anything
 * else; and the skeleton, a rough Latin sound-spelling shared by a Russian or Ukrainian
 * word written in Cyrillic and the same word typed in Latin letters ("сука", "suka";
 * "хуйня", "khuinya", "xuynya"), with doubled letters single ("fuuck", "fuck"). The
 * skeleton is a feature next to the word, never a replacement for it: it merges some
 * words that differ, which the word itself does not.
 *
 * A compact table rather than ICU4J's confusables: ICU's skeletons map to a prototype of
 * any script, which neither Russian nor English readers write, and the library is over 13
 * MB for these few dozen letters.
 */
final class Folding {

	/**
	 * Letters of other scripts drawn like a Latin letter, and that letter, pair by pair.
	 */
	private static final String LOOK_ALIKE = "αβεηικνορτυχςϲѕјһԁԛԝӏɑɡ";

	private static final String LATIN = "abenikvoptuxcc" + "sjhdqwlag";

	/** Cyrillic letters in Russian and Ukrainian, and how the skeleton spells each. */
	private static final String CYRILLIC = "абвгґдеєжзиіїйклмнопрстуфхцчшщъыьэюя";

	private static final String[] SPELLED = { "a", "b", "v", "g", "g", "d", "e", "e", "zh", "z", "i", "i", "i", "i",
			"k", "l", "m", "n", "o", "p", "r", "s", "t", "u", "f", "h", "c", "ch", "sh", "sh", "", "i", "", "e", "yu",
			"ya" };

	private Folding() {
	}

	/**
	 * The Latin letter another script's look-alike stands for, or the character itself.
	 */
	static int lookAlike(int cp) {
		if (cp < 0x370) {
			return cp == 'ɑ' ? 'a' : cp == 'ɡ' ? 'g' : cp;
		}
		int k = cp <= 0xFFFF ? LOOK_ALIKE.indexOf(cp) : -1;
		return k >= 0 ? LATIN.charAt(k) : cp;
	}

	/**
	 * Whether the word has a Cyrillic letter (it then has a skeleton in Latin letters).
	 */
	static boolean cyrillic(String word) {
		for (int i = 0; i < word.length(); i++) {
			char c = word.charAt(i);
			if (c >= 'Ѐ' && c <= 'ӿ') {
				return true;
			}
		}
		return false;
	}

	/** The word's skeleton; the word itself when it has no letter to fold. */
	static String skeleton(String word) {
		var spelled = new StringBuilder(word.length() + 4);
		for (int i = 0; i < word.length(); i++) {
			char c = word.charAt(i);
			int k = c >= 'а' ? CYRILLIC.indexOf(c) : -1;
			if (k >= 0) {
				spelled.append(SPELLED[k]);
			}
			else {
				spelled.append(c);
			}
		}
		return reduce(spelled);
	}

	/**
	 * The spellings of one sound made one: "shch", "sch" are "sh"; "kh" and "x" are "h";
	 * "zh" is "j"; "ts", "tz" "c"; "ja", "ia" "ya"; "ju", "iu" "yu"; any other "y", and a
	 * "j" before no vowel, is "i"; "w" is "v", "q" and "ck" "k", "ph" "f"; then a doubled
	 * letter is one.
	 */
	private static String reduce(CharSequence s) {
		int n = s.length();
		var out = new StringBuilder(n);
		int i = 0;
		while (i < n) {
			char c = s.charAt(i);
			char next = i + 1 < n ? s.charAt(i + 1) : 0;
			char after = i + 2 < n ? s.charAt(i + 2) : 0;
			String sound;
			int used;
			if (c == 's' && next == 'h' && after == 'c' && i + 3 < n && s.charAt(i + 3) == 'h') {
				sound = "sh";
				used = 4;
			}
			else if (c == 's' && next == 'c' && after == 'h') {
				sound = "sh";
				used = 3;
			}
			else if (c == 'k' && next == 'h' || c == 'x') {
				sound = "h";
				used = c == 'x' ? 1 : 2;
			}
			else if (c == 'z' && next == 'h') {
				sound = "j";
				used = 2;
			}
			else if (c == 't' && (next == 's' || next == 'z')) {
				sound = "c";
				used = 2;
			}
			else if ((c == 'j' || c == 'i' || c == 'y') && (next == 'a' || next == 'u')
					&& (c != 'i' || !out.isEmpty() && !vowel(out.charAt(out.length() - 1)))) {
				// "ia" after a consonant is "я" ("bliat"); after a vowel or at the start
				// it is two sounds ("iam")
				sound = next == 'a' ? "ya" : "yu";
				used = 2;
			}
			else if (c == 'y' || c == 'j' && !vowel(next)) {
				// "y" is "ы" or "й", and so is a "j" before no vowel ("tupij", "moj");
				// before one it is "ж" ("jopa")
				sound = "i";
				used = 1;
			}
			else if (c == 'w') {
				sound = "v";
				used = 1;
			}
			else if (c == 'q' || c == 'c' && next == 'k') {
				sound = "k";
				used = c == 'q' ? 1 : 2;
			}
			else if (c == 'p' && next == 'h') {
				sound = "f";
				used = 2;
			}
			else {
				sound = null;
				used = 1;
			}
			if (sound == null) {
				append(out, c);
			}
			else {
				for (int k = 0; k < sound.length(); k++) {
					append(out, sound.charAt(k));
				}
			}
			i += used;
		}
		return out.toString();
	}

	private static void append(StringBuilder out, char c) {
		if (out.isEmpty() || out.charAt(out.length() - 1) != c || !Character.isLetter(c)) {
			out.append(c);
		}
	}

	private static boolean vowel(char c) {
		return "aeiouy".indexOf(c) >= 0;
	}

}
