package org.veche.moderation.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * The filter on the shared benchmark data (never copied into the repository): it still
 * catches YouTube spam across folds, and abusive tweets it holds stay held when their
 * strongest word is disguised. Skipped, with a message, where ../shared/data is absent.
 * No database: the model alone, as `moderation evaluate` runs it.
 */
class FilterOnSharedDataIT {

	private static final Path DATA = Path.of("../shared/data");

	private static final CSVFormat CSV = CSVFormat.RFC4180.builder()
		.setHeader()
		.setSkipHeaderRecord(true)
		.setAllowMissingColumnNames(true)
		.get();

	/** The site's default probability above which the filter holds a comment. */
	private static final double HOLD = 0.7;

	private static void assumeData(Path path) {
		assumeTrue(Files.isReadable(path), "The shared benchmark data is not at " + path.toAbsolutePath().normalize()
				+ " (shared test data, not part of the repository): skipping");
	}

	private static List<CSVRecord> records(Path file) throws IOException {
		try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			return CSV.parse(in).getRecords();
		}
	}

	@Test
	void catchesYouTubeSpamAcrossFolds() throws IOException {
		Path folder = DATA.resolve("youtube-spam");
		assumeData(folder.resolve("Youtube01-Psy.csv"));
		var examples = new ArrayList<Example>();
		for (String name : List.of("Youtube01-Psy.csv", "Youtube02-KatyPerry.csv", "Youtube03-LMFAO.csv",
				"Youtube04-Eminem.csv", "Youtube05-Shakira.csv")) {
			for (CSVRecord r : records(folder.resolve(name))) {
				examples.add(new Example(new FilterInput(r.get("CONTENT"), r.get("AUTHOR"), null, null, false, false),
						r.get("CLASS").equals("1")));
			}
		}
		Metrics m = Evaluation.crossValidate(examples, 5, 1);
		assertThat(m.f1()).isGreaterThan(0.95);
		assertThat(m.rocAuc()).isGreaterThan(0.99);
	}

	/** Ways to disguise one word, as abusers do. */
	static final Map<String, UnaryOperator<String>> DISGUISES = disguises();

	private static Map<String, UnaryOperator<String>> disguises() {
		var d = new LinkedHashMap<String, UnaryOperator<String>>();
		d.put("Cyrillic look-alikes", w -> map(w, "aceopxy", "асеорху"));
		d.put("Greek look-alikes", w -> map(w, "aoiuk", "αοιυκ"));
		d.put("spaced letters", w -> String.join(" ", w.split("")));
		d.put("dotted letters", w -> String.join(".", w.split("")));
		d.put("leetspeak",
				w -> w.charAt(0) + map(w.substring(1, w.length() - 1), "aeios", "4310$") + w.charAt(w.length() - 1));
		d.put("stretched vowels", w -> w.replaceAll("([aeiou])", "$1$1$1$1"));
		d.put("doubled letter", w -> w.substring(0, 2) + w.substring(1));
		return d;
	}

	private static String map(String word, String from, String to) {
		var sb = new StringBuilder(word.length());
		for (char c : word.toCharArray()) {
			int k = from.indexOf(c);
			sb.append(k >= 0 ? to.charAt(k) : c);
		}
		return sb.toString();
	}

	@Test
	void abusiveTweetsStayHeldWhenTheirStrongestWordIsDisguised() throws IOException {
		Path file = DATA.resolve("abuse-en/davidson_labeled_data.csv");
		assumeData(file);
		var examples = new ArrayList<Example>();
		for (CSVRecord r : records(file)) {
			examples.add(new Example(FilterInput.ofText(r.get("tweet")), !r.get("class").equals("2")));
		}
		int[] fold = Evaluation.stratifiedFolds(examples, 5, 1);
		var vectors = new ArrayList<FeatureVector>();
		var labels = new ArrayList<Boolean>();
		for (int i = 0; i < examples.size(); i++) {
			if (fold[i] != 0) {
				vectors.add(Features.of(examples.get(i).input()));
				labels.add(examples.get(i).bad());
			}
		}
		LinearModel model = Training.train(vectors, labels, 1);

		// held-out abusive tweets the filter holds, and the word that weighed most in
		// each, as written in it
		var held = new ArrayList<String[]>();
		for (int i = 0; i < examples.size() && held.size() < 400; i++) {
			String text = examples.get(i).input().text();
			if (fold[i] != 0 || !examples.get(i).bad()) {
				continue;
			}
			FilterScore score = model.score(Features.of(FilterInput.ofText(text)), 1);
			if (score.probability() <= HOLD || score.evidence().isEmpty()) {
				continue;
			}
			String word = score.evidence().getFirst().feature();
			if (word.length() >= 4 && word.chars().allMatch(c -> c >= 'a' && c <= 'z')
					&& text.toLowerCase(Locale.ROOT).contains(word)) {
				held.add(new String[] { text, word });
			}
		}
		assertThat(held).hasSizeGreaterThan(200);
		// the word matters: put a word the filter never saw in its place, and far fewer
		// stay held (about 70%)
		assertThat(stillHeld(model, held, w -> "xqzv")).as("the word replaced").isLessThan(0.85);
		for (var disguise : DISGUISES.entrySet()) {
			assertThat(stillHeld(model, held, disguise.getValue())).as(disguise.getKey()).isGreaterThan(0.95);
		}
	}

	private static double stillHeld(LinearModel model, List<String[]> held, UnaryOperator<String> disguise) {
		int still = 0;
		for (String[] h : held) {
			String disguised = h[0].replaceAll("(?i)" + java.util.regex.Pattern.quote(h[1]),
					java.util.regex.Matcher.quoteReplacement(disguise.apply(h[1])));
			still += model.probability(Features.of(FilterInput.ofText(disguised))) > HOLD ? 1 : 0;
		}
		return (double) still / held.size();
	}

}
