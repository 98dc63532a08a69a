package org.veche.moderation.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A filter taught a small labelled set in English, Russian and Ukrainian still holds what
 * it holds when the words are disguised: look-alike letters of another script, letters
 * spaced out, leetspeak, stretched letters, and Russian or Ukrainian typed in Latin
 * letters. None of the disguised spellings is in the training set.
 */
class ObfuscationTests {

	/**
	 * The site's default probability above which the filter holds a comment
	 * ({@code filter-hold}).
	 */
	static final double HOLD = 0.7;

	static LinearModel model;

	@BeforeAll
	static void teach() {
		var examples = new ArrayList<Example>();
		String[] topics = { "the council vote", "the flooded bridge", "the school budget", "the new tram line",
				"the court hearing", "the harvest festival" };
		String[] ruTopics = { "голосование в совете", "мост после паводка", "школьный бюджет", "новую линию трамвая",
				"заседание суда", "праздник урожая" };
		String[] ukTopics = { "голосування в раді", "міст після повені", "шкільний бюджет", "нову лінію трамвая",
				"засідання суду", "свято врожаю" };
		String[] insults = { "idiot", "moron", "stupid loser", "pathetic scum", "dumb bitch", "worthless idiot" };
		String[] ruInsults = { "дурак", "тупая сука", "урод", "мразь", "идиот", "тварь" };
		String[] ukInsults = { "дурень", "покидьок", "придурок", "тупий дурень", "падлюка", "ідіот" };
		for (int i = 0; i < topics.length; i++) {
			fine(examples, "You are right about " + topics[i] + ", thank you");
			fine(examples, "Thanks for the report on " + topics[i]);
			fine(examples, "Ты прав насчёт темы: " + ruTopics[i] + ", спасибо");
			fine(examples, "Спасибо за статью про " + ruTopics[i]);
			fine(examples, "Ти правий щодо теми: " + ukTopics[i] + ", дякую");
			fine(examples, "Дякую за статтю про " + ukTopics[i]);
			bad(examples, "You are a " + insults[i] + ", shut up about " + topics[i]);
			bad(examples, "Only a " + insults[i] + " writes this");
			bad(examples, "Ты " + ruInsults[i] + ", заткнись про " + ruTopics[i]);
			bad(examples, "Такое пишет только " + ruInsults[i]);
			bad(examples, "Ти " + ukInsults[i] + ", замовкни про " + ukTopics[i]);
			bad(examples, "Таке пише лише " + ukInsults[i]);
			fine(examples, "I agree with you about " + topics[i]);
			fine(examples, "Согласен с тобой насчёт темы: " + ruTopics[i]);
			fine(examples, "Згоден з тобою щодо теми: " + ukTopics[i]);
			bad(examples, "Shut up, you " + insults[(i + 1) % insults.length]);
			bad(examples, "Заткнись, ты " + ruInsults[(i + 1) % ruInsults.length]);
			bad(examples, "Замовкни, ти " + ukInsults[(i + 1) % ukInsults.length]);
		}
		model = Training.train(examples.stream().map(e -> Features.of(e.input())).toList(),
				examples.stream().map(Example::bad).toList(), 1);
	}

	private static void fine(List<Example> examples, String text) {
		examples.add(new Example(FilterInput.ofText(text), false));
	}

	private static void bad(List<Example> examples, String text) {
		examples.add(new Example(FilterInput.ofText(text), true));
	}

	private static double probability(String text) {
		return model.probability(Features.of(FilterInput.ofText(text)));
	}

	/** Each held comment and its disguises. */
	static final Map<String, List<String>> DISGUISES = Map.of("you pathetic idiot",
			List.of("you pathetic \u0456d\u0456\u043Et", // Cyrillic і and о
					"you p\u03B1thetic \u03B9di\u03BFt", // Greek alpha, iota, omicron
					"you pathetic i d i o t", "you pathetic i.d.i.o.t", "you p4thet1c id10t",
					"you paaaathetic idiiiiot", "you patthetic iddiot"),
			"ты тупая сука", List.of("ты тупая cyka", // Latin letters drawn like Cyrillic
														// ones
					"ты тупaя сукa", // Latin a inside Cyrillic words
					"ты тупая с у к а", "ты туп@я сук@", "ты тууупая сууука", "ty tupaya suka", "ti tupaja suka"),
			"ти тупий дурень", List.of("ти тупий дуpeнь", // Latin p and e
					"ти тупий д у р е н ь", "ти тупий дуууурень", "ty tupyi duren", "ti tupij duren"));

	@Test
	void theDisguisedSpellingsAreNotInTheTrainingSet() {
		assertThat(model.examples()).isEqualTo(108);
		for (var held : DISGUISES.entrySet()) {
			assertThat(probability(held.getKey())).as(held.getKey()).isGreaterThan(HOLD);
		}
	}

	@Test
	void disguisedVariantsOfHeldCommentsAreStillHeld() {
		for (var held : DISGUISES.entrySet()) {
			for (String variant : held.getValue()) {
				assertThat(probability(variant)).as("%s (disguising \"%s\")", variant, held.getKey())
					.isGreaterThan(HOLD);
			}
		}
	}

	@Test
	void fineCommentsOnTheSameTopicsAreNotHeld() {
		// the disguises must not make everything look bad: fine comments, in plain and in
		// Latin-typed Russian
		for (String fine : List.of("you are right about the bridge", "thanks for the report",
				"ты прав, спасибо за статью", "ty prav, spasibo za statyu", "дякую за статтю про бюджет")) {
			assertThat(probability(fine)).as(fine).isLessThan(0.5);
		}
	}

	@Test
	void theVerdictNamesTheFoldedWordsWithTheirWeights() {
		var score = model.score(Features.of(FilterInput.ofText("you pathetic \u0456d\u0456\u043Et")), 3);
		assertThat(score.strongest()).contains("idiot");
		assertThat(score.evidence()).allSatisfy(e -> assertThat(e.weight()).isPositive());
		assertThat(score.explained()).matches(".*idiot \\+\\d+\\.\\d\\d.*");
	}

}
