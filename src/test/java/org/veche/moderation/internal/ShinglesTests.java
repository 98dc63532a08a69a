package org.veche.moderation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * MinHash similarity finds the raider's variations of one text and tells unrelated texts
 * apart.
 */
class ShinglesTests {

	private static final String TEXT = "Everyone must see this: the candidate is a fraud, share it before they delete it!";

	@Test
	void variationsOfCaseSpacingPunctuationAndATailAreNearDuplicates() {
		long[] original = Shingles.signature(TEXT);
		for (String variant : new String[] { TEXT.toUpperCase(), TEXT.replace(" ", "   ") + "!!!", TEXT + " 4417",
				"EVERYONE must see this -- the candidate is a FRAUD; share it before they delete it" }) {
			assertThat(Shingles.similarity(original, Shingles.signature(variant))).as(variant)
				.isGreaterThanOrEqualTo(0.6);
		}
	}

	@Test
	void unrelatedTextsAreFarApartInAnyScript() {
		long[] original = Shingles.signature(TEXT);
		assertThat(Shingles.similarity(original,
				Shingles.signature("The bridge on Main Street reopens on Monday after repairs.")))
			.isLessThan(0.2);
		long[] russian = Shingles.signature("Все должны это увидеть: кандидат — мошенник, делитесь, пока не удалили!");
		assertThat(Shingles.similarity(russian,
				Shingles.signature("ВСЕ ДОЛЖНЫ ЭТО УВИДЕТЬ!!! Кандидат мошенник, делитесь пока не удалили")))
			.isGreaterThanOrEqualTo(0.6);
		assertThat(Shingles.similarity(russian, original)).isLessThan(0.2);
	}

	@Test
	void foldingDropsAccentsCaseAndPunctuation() {
		assertThat(Shingles.fold("  Crème BRÛLÉE!!  à   la carte ")).isEqualTo("creme brulee a la carte");
		assertThat(Shingles.similarity(Shingles.signature("same"), Shingles.signature("same"))).isEqualTo(1.0);
	}

}
