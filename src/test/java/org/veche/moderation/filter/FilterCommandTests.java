package org.veche.moderation.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilterCommandTests {

	@TempDir
	Path dir;

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	private int run(String... args) {
		return FilterCommand.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
	}

	private Path toyFile(String name) throws IOException {
		var lines = new ArrayList<String>();
		lines.add("text,label");
		for (Example e : LinearModelTests.TOY) {
			lines.add("\"" + e.input().text().replace("\"", "\"\"") + "\"," + (e.bad() ? 1 : 0));
		}
		return Files.write(dir.resolve(name), lines);
	}

	@Test
	void printsTheFourFiguresOneALine() throws IOException {
		int status = run("evaluate", "--task", "spam", "--data", toyFile("toy.csv").toString(), "--folds", "4");
		assertThat(status).isZero();
		var lines = out.toString(StandardCharsets.UTF_8).lines().toList();
		assertThat(lines).hasSize(4);
		assertThat(lines.get(0)).matches("precision: [01]\\.\\d{4}");
		assertThat(lines.get(1)).matches("recall: [01]\\.\\d{4}");
		assertThat(lines.get(2)).matches("f1: [01]\\.\\d{4}");
		assertThat(lines.get(3)).matches("roc-auc: [01]\\.\\d{4}");
		assertThat(Double.parseDouble(lines.get(3).substring(9))).isGreaterThan(0.9);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("4-fold", "24 examples (12 bad)");
	}

	@Test
	void trainsOnOneFileAndTestsOnAnother() throws IOException {
		int status = run("evaluate", "--task", "abuse", "--data", toyFile("train.csv").toString(), "--test",
				toyFile("test.csv").toString());
		assertThat(status).isZero();
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("roc-auc: 1.0000");
	}

	@Test
	void badArgumentsAreAUsageErrorWithoutAStackTrace() {
		assertThat(run()).isEqualTo(FilterCommand.USAGE);
		assertThat(run("judge")).isEqualTo(FilterCommand.USAGE);
		assertThat(run("evaluate", "--task", "ham", "--data", "x.csv")).isEqualTo(FilterCommand.USAGE);
		assertThat(run("evaluate", "--task", "spam")).isEqualTo(FilterCommand.USAGE);
		assertThat(run("evaluate", "--task", "spam", "--data", "x.csv", "--folds", "one"))
			.isEqualTo(FilterCommand.USAGE);
		assertThat(run("evaluate", "--task", "spam", "--data")).isEqualTo(FilterCommand.USAGE);
		assertThat(out.size()).isZero();
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("--task is spam or abuse, not ham", "usage:")
			.doesNotContain("Exception", "\tat ");
	}

	@Test
	void aMissingOrBadFileIsNamedWithTheReason() throws IOException {
		assertThat(run("evaluate", "--task", "spam", "--data", dir.resolve("none.csv").toString()))
			.isEqualTo(FilterCommand.BAD_FILE);
		Path bad = Files.writeString(dir.resolve("bad.csv"), "text,label\nfine,0\nspam,yes\n");
		assertThat(run("evaluate", "--task", "spam", "--data", bad.toString())).isEqualTo(FilterCommand.BAD_FILE);
		assertThat(out.size()).isZero();
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("none.csv: no such file")
			.contains("bad.csv: Line 3: the label must be 1 (spam or abusive) or 0 (fine), not \u201cyes\u201d.")
			.doesNotContain("Exception");
	}

}
