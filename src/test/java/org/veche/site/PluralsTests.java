package org.veche.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;

class PluralsTests {

	private static final Locale RU = Locale.forLanguageTag("ru");

	private static final Locale UK = Locale.forLanguageTag("uk");

	@Test
	void englishHasOneAndOther() {
		assertThat(Plurals.category(Locale.ENGLISH, 1)).isEqualTo("one");
		assertThat(Plurals.category(Locale.ENGLISH, 0)).isEqualTo("other");
		assertThat(Plurals.category(Locale.ENGLISH, 21)).isEqualTo("other");
	}

	@Test
	void russianAndUkrainianFollowTheModuloRules() {
		for (Locale locale : new Locale[] { RU, UK }) {
			assertThat(Plurals.category(locale, 1)).isEqualTo("one");
			assertThat(Plurals.category(locale, 21)).isEqualTo("one");
			assertThat(Plurals.category(locale, 11)).isEqualTo("many");
			assertThat(Plurals.category(locale, 3)).isEqualTo("few");
			assertThat(Plurals.category(locale, 24)).isEqualTo("few");
			assertThat(Plurals.category(locale, 13)).isEqualTo("many");
			assertThat(Plurals.category(locale, 5)).isEqualTo("many");
			assertThat(Plurals.category(locale, 0)).isEqualTo("many");
		}
	}

}
