package org.veche.site;

import java.util.Locale;

/**
 * CLDR plural categories for the languages the site speaks; Russian and Ukrainian need
 * three forms where English needs two, and MessageFormat's choice format cannot express
 * the modulo rules.
 */
public final class Plurals {

	private Plurals() {
	}

	public static String category(Locale locale, long n) {
		String language = locale.getLanguage();
		if (language.equals("ru") || language.equals("uk")) {
			long mod10 = n % 10;
			long mod100 = n % 100;
			if (mod10 == 1 && mod100 != 11) {
				return "one";
			}
			if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) {
				return "few";
			}
			return "many";
		}
		return n == 1 ? "one" : "other";
	}

}
