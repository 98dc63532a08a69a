package org.veche.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * What is read from a search box: words only, each quoted again for FTS5 and PostgreSQL,
 * Cyrillic words without their endings; and what is refused.
 */
class SearchQueryTests {

	@Test
	void onlyLettersAndDigitsMakeWordsAndOperatorsAreSeparators() {
		var query = SearchQuery.of("  \"Harbour\" OR NEAR(boats*) -nets ^title:2024 ");
		assertThat(query.words()).containsExactly("harbour", "or", "near", "boats", "nets", "title", "2024");
		assertThat(query.fts5()).isEqualTo("\"harbour\"* \"or\"* \"near\"* \"boats\"* \"nets\"* \"title\"* \"2024\"*");
		assertThat(query.plain()).isEqualTo("harbour or near boats nets title 2024");
		assertThat(query.prefixes())
			.isEqualTo("'harbour':* & 'or':* & 'near':* & 'boats':* & 'nets':* & 'title':* & '2024':*");
	}

	@Test
	void aWordIsTakenOnceAndAtMostEightWords() {
		assertThat(SearchQuery.of("a a b").words()).containsExactly("a", "b");
		assertThat(SearchQuery.of("1 2 3 4 5 6 7 8 9 10").words()).hasSize(SearchQuery.MAX_WORDS);
	}

	@Test
	void cyrillicWordsLoseTheirEndingsWhileFourLettersRemain() {
		assertThat(SearchQuery.stem("новости")).isEqualTo("новост");
		assertThat(SearchQuery.stem("новость")).isEqualTo("новост");
		assertThat(SearchQuery.stem("новина")).isEqualTo("новин");
		assertThat(SearchQuery.stem("новини")).isEqualTo("новин");
		assertThat(SearchQuery.stem("фотографиями")).isEqualTo("фотограф");
		assertThat(SearchQuery.stem("київ")).isEqualTo("київ");
		assertThat(SearchQuery.stem("мир")).as("too short to cut").isEqualTo("мир");
		assertThat(SearchQuery.stem("running")).as("Latin words are the engines' business").isEqualTo("running");
		assertThat(SearchQuery.of("Новости Києва").fts5()).isEqualTo("\"новост\"* \"києв\"*");
	}

	@Test
	void nothingTooMuchOrNoWordIsRefusedWithAMessage() {
		assertThatThrownBy(() -> SearchQuery.of(null)).isInstanceOf(RejectedInput.class)
			.hasMessageContaining("search.empty");
		assertThatThrownBy(() -> SearchQuery.of("   ")).extracting(e -> ((RejectedInput) e).messageKey())
			.isEqualTo("search.empty");
		assertThatThrownBy(() -> SearchQuery.of("\"*)( -- ^ :")).extracting(e -> ((RejectedInput) e).messageKey())
			.isEqualTo("search.noWords");
		assertThatThrownBy(() -> SearchQuery.of("x".repeat(201))).extracting(e -> ((RejectedInput) e).messageKey())
			.isEqualTo("search.tooLong");
	}

	@Test
	void snippetsAreCutAtTheMarksAndKeepNoControlCharacters() {
		var snippet = Snippet.of("a <b> \u0002word\u0003 and\u0001 \u0002more\u0003");
		assertThat(snippet.parts()).containsExactly(new Snippet.Part("a <b> ", false), new Snippet.Part("word", true),
				new Snippet.Part(" and ", false), new Snippet.Part("more", true));
		assertThat(Snippet.of(null).parts()).isEmpty();
	}

}
