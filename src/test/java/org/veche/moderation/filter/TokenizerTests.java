package org.veche.moderation.filter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenizerTests {

	private static java.util.List<String> words(String text) {
		return Tokenizer.tokenize(text).words();
	}

	@Test
	void foldsCaseOfLatinCyrillicAndUkrainianLetters() {
		assertThat(words("ПРИВЕТ, Мир! Hello")).containsExactly("привет", "мир", "!", "hello");
		assertThat(words("Їжак ҐАНОК Єдність і Ёжик")).containsExactly("їжак", "ґанок", "єдність", "і", "ежик");
	}

	@Test
	void normalizesCompatibilityFormsAndDropsInvisibleCharacters() {
		assertThat(words("ｆｒｅｅ")).containsExactly("free");
		assertThat(words("d\u200Bu\u200Dmb\uFEFF")).containsExactly("dumb");
	}

	@Test
	void squeezesRepeatedCharacters() {
		assertThat(words("sooooo goooood!!!!!")).containsExactly("so", "god", "!");
		assertThat(words("ддддурак")).containsExactly("дурак");
		assertThat(words("cool")).containsExactly("cool");
		assertThat(Tokenizer.tokenize("sooooo").elongated()).isTrue();
	}

	@Test
	void readsDigitsAndSymbolsInsideWordsAsLetters() {
		assertThat(words("fr33dom m0ney sh1t b@stard $ale")).containsExactly("freedom", "money", "shit", "bastard",
				"sale");
		assertThat(words("п0шел")).containsExactly("пошел");
		assertThat(words("mp3 covid19 reader13 2nd 2024")).containsExactly("mp3", "covid19", "reader13", "2nd", "2024");
	}

	@Test
	void bringsLookAlikeLettersToTheWordsScript() {
		// Cyrillic с, а, о inside a Latin word, and Latin o, p inside a Russian one
		assertThat(words("\u0441\u0430sin\u043e")).containsExactly("casino");
		assertThat(words("\u0434\u0443\u0440a\u043a x\u043e\u0440\u043e\u0448o")).containsExactly("дурак", "хорошо");
	}

	@Test
	void joinsLettersSpreadOutWithSeparatorsOrSpaces() {
		assertThat(words("f.u.c.k you")).containsExactly("fuck", "you");
		assertThat(words("к-у-п-и")).containsExactly("купи");
		assertThat(words("f u c k off")).containsExactly("fuck", "off");
		assertThat(words("a cat")).containsExactly("a", "cat");
		assertThat(words("f*ck")).containsExactly("f*ck");
	}

	@Test
	void linksAndAddressesAreTokensOfTheirOwn() {
		var tokens = Tokenizer
			.tokenize("Visit https://www.Spam.example.com/win?x=1 or cheap-pills.ru, mail joe@mail.ru");
		assertThat(tokens.words()).containsExactly("visit", Tokenizer.LINK, "or", Tokenizer.LINK, "mail",
				Tokenizer.EMAIL);
		assertThat(tokens.hosts()).containsExactly("spam.example.com", "cheap-pills.ru", "mail.ru");
		assertThat(tokens.links()).isEqualTo(2);
		assertThat(tokens.emails()).isEqualTo(1);
	}

	@Test
	void linksInsideMarkupCountAndTheMarkupGoes() {
		var tokens = Tokenizer.tokenize("<a href=\"http://x.example.org/p\">here</a> it&#39;s<br />good &amp; fun");
		assertThat(tokens.words()).containsExactly(Tokenizer.LINK, "here", "its", "good", "fun");
		assertThat(tokens.hosts()).containsExactly("x.example.org");
	}

	@Test
	void mentionsAndLongNumbersAreGeneralized() {
		assertThat(words("RT @someone: call 89161234567")).containsExactly("rt", Tokenizer.MENTION, "call",
				Tokenizer.NUMBER);
	}

	@Test
	void capitalsAreNoticed() {
		assertThat(Tokenizer.tokenize("BUY NOW CHEAP PILLS").shouting()).isTrue();
		assertThat(Tokenizer.tokenize("Buy now, NATO said").shouting()).isFalse();
	}

	@Test
	void readsLookAlikesOfOtherScriptsAsLatin() {
		// Greek upsilon and omicron, Cyrillic dze and je: none of them is folded by NFKC
		assertThat(words("f\u03C5ck \u03BFff \u0455pam \u0458oke")).containsExactly("fuck", "off", "spam", "joke");
	}

	@Test
	void aLatinWordDrawnInCyrillicLettersIsCyrillicInARussianComment() {
		assertThat(words("ты тупая cyka и xam")).containsExactly("ты", "тупая", "сука", "и", "хам");
		// in an English comment the same letters are an English word
		assertThat(words("my cyka and xam")).containsExactly("my", "cyka", "and", "xam");
		// a word with a letter that looks like no Cyrillic one stays Latin
		assertThat(words("привет, это google")).containsExactly("привет", "это", "google");
	}

}
