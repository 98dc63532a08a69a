package org.veche.moderation.filter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FoldingTests {

	@Test
	void aRussianWordAndItsLatinTypingShareASkeleton() {
		assertThat(Folding.skeleton("сука")).isEqualTo(Folding.skeleton("suka")).isEqualTo("suka");
		assertThat(Folding.skeleton("хуйня")).isEqualTo(Folding.skeleton("khuinya"))
			.isEqualTo(Folding.skeleton("xuynya"))
			.isEqualTo("huinya");
		assertThat(Folding.skeleton("блядь")).isEqualTo(Folding.skeleton("blyad")).isEqualTo(Folding.skeleton("bljad"));
		assertThat(Folding.skeleton("жопа")).isEqualTo(Folding.skeleton("zhopa")).isEqualTo("jopa");
		assertThat(Folding.skeleton("щас")).isEqualTo(Folding.skeleton("shchas")).isEqualTo(Folding.skeleton("schas"));
		assertThat(Folding.skeleton("тупая")).isEqualTo(Folding.skeleton("tupaya"));
		assertThat(Folding.skeleton("ты")).isEqualTo(Folding.skeleton("ty"));
		assertThat(Folding.skeleton("урод")).isEqualTo(Folding.skeleton("urod"));
	}

	@Test
	void aUkrainianWordAndItsLatinTypingShareASkeleton() {
		assertThat(Folding.skeleton("дурень")).isEqualTo(Folding.skeleton("duren"));
		assertThat(Folding.skeleton("покидьок")).isEqualTo(Folding.skeleton("pokydok"));
		assertThat(Folding.skeleton("їжак")).isEqualTo(Folding.skeleton("izhak"));
	}

	@Test
	void doubledLettersAndSpellingsOfOneSoundAreOne() {
		assertThat(Folding.skeleton("fuuck")).isEqualTo(Folding.skeleton("fuck")).isEqualTo("fuk");
		assertThat(Folding.skeleton("idiot")).isEqualTo(Folding.skeleton("идиот"))
			.isEqualTo(Folding.skeleton("iddiot"));
		assertThat(Folding.skeleton("phone")).isEqualTo("fone");
		// what carries no letters is left as it is
		assertThat(Folding.skeleton("2024")).isEqualTo("2024");
		assertThat(Folding.skeleton("!!")).isEqualTo("!!");
	}

	@Test
	void lookAlikesOfOtherScriptsAreLatinLetters() {
		assertThat(Folding.lookAlike('\u03BF')).isEqualTo('o'); // Greek omicron
		assertThat(Folding.lookAlike('\u0455')).isEqualTo('s'); // Cyrillic dze
		assertThat(Folding.lookAlike('\u0251')).isEqualTo('a'); // Latin alpha
		assertThat(Folding.lookAlike('ж')).isEqualTo('ж');
		assertThat(Folding.lookAlike('z')).isEqualTo('z');
	}

}
