package org.veche.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.veche.VecheApplication;

/**
 * {@code java -jar veche.jar import wxr FILE --veche.data-dir=DIR}, run in-process as the
 * main class runs it (VecheApplication.main hands the same arguments to ImportCommand and
 * exits with its status): a real data directory made from nothing, progress on the
 * console, the report, and the exit status.
 */
class ImportCommandIT {

	@TempDir
	Path dataDir;

	record Result(int status, String out, String err) {
	}

	private Result run(String... args) {
		var out = new ByteArrayOutputStream();
		var err = new ByteArrayOutputStream();
		int status = ImportCommand.run(VecheApplication.class, args, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	private long count(String sql) throws SQLException {
		try (var db = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve("veche.db"));
				var rows = db.createStatement().executeQuery(sql)) {
			rows.next();
			return rows.getLong(1);
		}
	}

	private static Path export(int posts) throws IOException {
		var wxr = new Wxr("1.2", "https://cli.example").author("ed", "Ed Itor");
		for (int i = 1; i <= posts; i++) {
			wxr.item(i, "post", "publish", "Post " + i, "post-" + i, "2020-01-01 00:00:00", "ed", "Text " + i,
					Wxr.comment(i * 10, 0, "Reader", "r@readers.example", "", "2020-01-02 00:00:00", "1", "",
							"Hi " + i),
					Wxr.comment(i * 10 + 1, i * 10, "Writer", "w@readers.example", "", "2020-01-03 00:00:00", "0", "",
							"Reply " + i));
		}
		return ImportTest.write(wxr.xml());
	}

	@Test
	void importsIntoANewDataDirectoryWithProgressAndAReportThenChangesNothingTheSecondTime() throws Exception {
		Path file = export(300);

		var first = run("import", "wxr", file.toString(), "--veche.data-dir=" + dataDir,
				"--veche.importer.progress-interval=20ms");

		assertThat(first.status()).as(first.err()).isZero();
		assertThat(first.out()).containsPattern("Import done in [0-9.]+ s\\.")
			.contains("Posts: 300")
			.contains("Comments: 600")
			.contains("Pending comments: 300");
		assertThat(first.out()).containsPattern("(checking|writing): \\d+ of \\d+, [0-9.]+/s, (\\d+ s|\\?) left");
		assertThat(Files.exists(dataDir.resolve("veche.db"))).isTrue();
		assertThat(count("SELECT COUNT(*) FROM article")).as("no demo content beside the import").isEqualTo(300);
		assertThat(count("SELECT COUNT(*) FROM comment WHERE parent_id IS NOT NULL")).isEqualTo(300);

		var second = run("import", "wxr", file.toString(), "--veche.data-dir=" + dataDir);

		assertThat(second.status()).as(second.err()).isZero();
		assertThat(second.out()).contains("Posts already imported before: 300").doesNotContain("Posts: ");
		assertThat(count("SELECT COUNT(*) FROM article")).isEqualTo(300);
		assertThat(count("SELECT COUNT(*) FROM comment")).isEqualTo(600);
	}

	@Test
	void aHostileFileExitsWithOneAndAClearMessage() throws Exception {
		Path file = ImportTest.write("<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
				+ "<rss><channel><title>&x;</title></channel></rss>");

		var result = run("import", "wxr", file.toString(), "--veche.data-dir=" + dataDir);

		assertThat(result.status()).isEqualTo(1);
		assertThat(result.err()).contains("Import refused").contains("DOCTYPE").contains("Nothing was changed");
		assertThat(count("SELECT COUNT(*) FROM article")).isZero();
	}

	@Test
	void wrongArgumentsExitWithTwo() {
		assertThat(run("import").status()).isEqualTo(2);
		assertThat(run("import", "rss", "x.xml").err()).contains("Usage: java -jar veche.jar import wxr|disqus FILE");
		var missing = run("import", "disqus", dataDir.resolve("absent.xml").toString());
		assertThat(missing.status()).isEqualTo(2);
		assertThat(missing.err()).contains("Cannot read the file");
	}

}
