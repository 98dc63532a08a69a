package org.veche.moderation.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit's lines and the offline check ({@code moderation verify-audit}): an untouched
 * export holds; a changed, deleted, inserted or reordered line is found where it breaks
 * the chain; a changed last line is found against the head; odd characters hash the same
 * every time.
 */
class AuditCommandTests {

	@TempDir
	Path dir;

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private int run(String... args) {
		out.reset();
		return AuditCommand.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(out, true, StandardCharsets.UTF_8));
	}

	private String output() {
		return out.toString(StandardCharsets.UTF_8);
	}

	/** A chain of n lines as the site writes them. */
	private static List<String> chain(int n) {
		var lines = new ArrayList<String>();
		String prev = AuditLine.GENESIS;
		for (int i = 1; i <= n; i++) {
			var line = new AuditLine(i, 100 + i, Instant.ofEpochMilli(1_796_000_000_000L + i * 1000L),
					i % 3 == 0 ? null : 7L, i % 3 == 0 ? "" : "Оксана \"Ox\" \\ Moderator",
					i % 2 == 0 ? "spam" : "approve", i % 3 == 0 ? null : (long) (500 + i),
					"pending \u2192 spam\n\ttab\u2028\u0001", prev);
			lines.add(line.text());
			prev = line.hash();
		}
		return lines;
	}

	private Path file(List<String> lines) throws IOException {
		Path file = Files.createTempFile(dir, "audit", ".jsonl");
		// as the site writes it: every line ends with a line break, and an empty log is
		// an empty file
		Files.writeString(file, lines.stream().map(line -> line + "\n").collect(java.util.stream.Collectors.joining()),
				StandardCharsets.UTF_8);
		return file;
	}

	@Test
	void anUntouchedExportIsIntactAndEndsAtItsHead() throws IOException {
		List<String> lines = chain(6);
		assertThat(lines).allSatisfy(line -> assertThat(line).doesNotContain("\n").doesNotContain("\u2028"));
		String head = AuditLine.sha256(lines.getLast());
		assertThat(run(file(lines).toString())).isEqualTo(AuditCommand.INTACT);
		assertThat(output()).contains("intact: 6 lines").contains(head);
		assertThat(run(file(lines).toString(), "--head", head.toUpperCase())).isEqualTo(AuditCommand.INTACT);
		assertThat(run(file(List.of()).toString())).as("an empty log").isEqualTo(AuditCommand.INTACT);
	}

	@Test
	void aChangedLineBreaksTheChainAtTheLineAfterIt() throws IOException {
		List<String> lines = new ArrayList<>(chain(6));
		lines.set(2, lines.get(2).replace("\"action\":\"approve\"", "\"action\":\"spam\""));
		assertThat(run(file(lines).toString())).isEqualTo(AuditCommand.BROKEN);
		assertThat(output()).startsWith("broken at line 4").contains("SHA-256 of line 3");
		// the same check the owner's upload form makes
		var check = AuditCheck.of(Files.newBufferedReader(file(lines)));
		assertThat(check.intact()).isFalse();
		assertThat(check.brokenAt()).isEqualTo(4);
		assertThat(check.problem()).isEqualTo("prev");
	}

	@Test
	void aDeletedLineBreaksTheChainWhereItWas() throws IOException {
		List<String> lines = new ArrayList<>(chain(6));
		lines.remove(3);
		assertThat(run(file(lines).toString())).isEqualTo(AuditCommand.BROKEN);
		assertThat(output()).startsWith("broken at line 4");
		List<String> first = new ArrayList<>(chain(6));
		first.removeFirst();
		assertThat(run(file(first).toString())).isEqualTo(AuditCommand.BROKEN);
		assertThat(output()).startsWith("broken at line 1").contains("first line");
	}

	@Test
	void reorderedOrInsertedLinesBreakTheChain() throws IOException {
		List<String> lines = new ArrayList<>(chain(6));
		Collections.swap(lines, 1, 2);
		assertThat(run(file(lines).toString())).isEqualTo(AuditCommand.BROKEN);
		assertThat(output()).startsWith("broken at line 2");

		List<String> inserted = new ArrayList<>(chain(6));
		inserted.add(3, inserted.get(2));
		assertThat(run(file(inserted).toString())).isEqualTo(AuditCommand.BROKEN);
		assertThat(output()).startsWith("broken at line 4");

		List<String> garbage = new ArrayList<>(chain(3));
		garbage.add(1, "not json at all");
		assertThat(run(file(garbage).toString())).isEqualTo(AuditCommand.BROKEN);
		assertThat(output()).startsWith("broken at line 2").contains("not a line");
	}

	@Test
	void aChangedOrCutLastLineShowsAgainstTheHead() throws IOException {
		List<String> lines = chain(5);
		String head = AuditLine.sha256(lines.getLast());
		List<String> changed = new ArrayList<>(lines);
		changed.set(4, changed.get(4).replace("approve", "trash"));
		assertThat(run(file(changed).toString())).as("alone, the file cannot tell").isEqualTo(AuditCommand.INTACT);
		assertThat(run(file(changed).toString(), "--head", head)).isEqualTo(AuditCommand.BROKEN);
		assertThat(output()).startsWith("broken at the end");
		assertThat(run(file(lines.subList(0, 4)).toString(), "--head", head)).isEqualTo(AuditCommand.BROKEN);
	}

	@Test
	void aLineHashesTheSameEveryTime() {
		var line = new AuditLine(1, 2, Instant.parse("2026-12-07T02:16:57.123Z"), null, "", "settings", null, "",
				AuditLine.GENESIS);
		assertThat(line.text()).isEqualTo("{\"seq\":1,\"id\":2,\"at\":\"2026-12-07T02:16:57.123Z\",\"moderator\":null,"
				+ "\"name\":\"\",\"action\":\"settings\",\"comment\":null,\"detail\":\"\",\"prev\":\"" + "0".repeat(64)
				+ "\"}");
		assertThat(line.hash()).hasSize(64).isEqualTo(AuditLine.sha256(line.text()));
	}

	@Test
	void aWrongCommandSaysHowToUseIt() {
		assertThat(run()).isEqualTo(AuditCommand.USAGE);
		assertThat(run("a.jsonl", "b.jsonl")).isEqualTo(AuditCommand.USAGE);
		assertThat(run(dir.resolve("missing.jsonl").toString())).isEqualTo(AuditCommand.USAGE);
		assertThat(output()).contains("cannot read");
	}

}
