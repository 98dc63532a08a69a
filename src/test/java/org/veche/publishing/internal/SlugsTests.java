package org.veche.publishing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlugsTests {

	@Test
	void latinTitlesBecomeLowercaseHyphenatedWords() {
		assertThat(Slugs.of("City Council approves a new Park!")).isEqualTo("city-council-approves-a-new-park");
	}

	@Test
	void cyrillicIsTransliteratedAndAccentsDropped() {
		assertThat(Slugs.of("Протест у Києві")).isEqualTo("protest-u-kiyevi");
		assertThat(Slugs.of("Щедрый вечер")).isEqualTo("shchedryy-vecher");
		assertThat(Slugs.of("Café déjà vu")).isEqualTo("cafe-deja-vu");
	}

	@Test
	void aTitleWithNothingUsableStillGetsASlugAndLongOnesAreCut() {
		assertThat(Slugs.of("!!! ???")).isEqualTo("article");
		assertThat(Slugs.of("word ".repeat(50))).hasSizeLessThanOrEqualTo(80).doesNotEndWith("-");
	}

}
