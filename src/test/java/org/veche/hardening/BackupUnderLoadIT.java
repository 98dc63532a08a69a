package org.veche.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.veche.VecheApplication;
import org.veche.archive.Archive;
import org.veche.archive.ArchiveCommand;
import org.veche.archive.Progress;
import org.veche.identity.Role;
import org.veche.support.IntegrationTest;
import org.veche.support.TestDatabase;

/**
 * Online backups: the portable backup (a zip, restored into an empty site) and SQLite's
 * snapshot (VACUUM INTO), each taken while eight writers post comments, hold every
 * comment acknowledged before they began (one consistent read, so later ones may or may
 * not be in it, but never half of one).
 */
class BackupUnderLoadIT extends IntegrationTest {

	@Autowired
	Archive archive;

	@Test
	void anSqliteSnapshotTakenUnderLoadHoldsEveryCommentAcknowledgedBeforeIt() throws Exception {
		org.junit.jupiter.api.Assumptions.assumeFalse(TestDatabase.postgresql(),
				"a snapshot copies SQLite; PostgreSQL has pg_dump");
		String slug = publishArticle(tokenFor(Role.EDITOR), "Snapshot under load " + unique());
		Path copy = Files.createTempDirectory("veche-snapshot-").resolve("veche.db");
		Set<Long> before = acknowledgedBefore(slug, "snapshot", () -> archive.snapshot(copy));
		var found = new HashSet<Long>();
		try (var db = DriverManager.getConnection("jdbc:sqlite:" + copy)) {
			try (var check = db.createStatement().executeQuery("PRAGMA integrity_check")) {
				check.next();
				assertThat(check.getString(1)).isEqualTo("ok");
			}
			try (var rows = db.createStatement().executeQuery("SELECT id FROM comment")) {
				while (rows.next()) {
					found.add(rows.getLong(1));
				}
			}
		}
		assertThat(found).as("every comment acknowledged before the snapshot").containsAll(before);
	}

	@Test
	void aBackupTakenUnderLoadRestoresEveryCommentAcknowledgedBeforeIt() throws Exception {
		String slug = publishArticle(tokenFor(Role.EDITOR), "Under load " + unique());
		Path backup = Files.createTempDirectory("veche-online-backup-").resolve("site.zip");
		Set<Long> before = acknowledgedBefore(slug, "online backup", () -> {
			try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(backup))) {
				archive.backup(out, new Progress());
			}
		});

		Path empty = Files.createTempDirectory("veche-online-restore-");
		String url = TestDatabase.newDatabaseUrl(empty);
		var out = new ByteArrayOutputStream();
		var err = new ByteArrayOutputStream();
		int exit = ArchiveCommand.run(VecheApplication.class,
				new String[] { "restore", backup.toString(), "--veche.data-dir=" + empty,
						"--spring.datasource.url=" + url },
				new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
		assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();

		var restored = new HashSet<Long>();
		try (var db = DriverManager.getConnection(url);
				var rows = db.createStatement().executeQuery("SELECT id, body_html FROM comment")) {
			while (rows.next()) {
				// other tests share the site: only this test's comments are known to be
				// whole (an erased one is emptied)
				if (before.contains(rows.getLong(1))) {
					assertThat(rows.getString(2)).as("a whole comment").isNotBlank();
				}
				restored.add(rows.getLong(1));
			}
		}
		assertThat(restored).as("every comment acknowledged before the backup").containsAll(before);
	}

	@FunctionalInterface
	private interface Copy {

		void take() throws Exception;

	}

	/**
	 * Eight writers post comments to the article while the copy is taken, once 50 are
	 * acknowledged; answers the comments acknowledged before the copy began.
	 */
	private Set<Long> acknowledgedBefore(String slug, String copyName, Copy copy) throws Exception {
		Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
		var writing = new AtomicBoolean(true);
		try (var writers = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int w = 0; w < 8; w++) {
				writers.submit(() -> {
					while (writing.get()) {
						var response = http.from(newAddress())
							.postJson("/api/v1/articles/" + slug + "/comments",
									Map.of("author", Map.of("name", "Writer", "email", "w" + unique() + "@example.org"),
											"body", "Written during the " + copyName + " " + unique()));
						if (response.status() == 201 || response.status() == 202) {
							acknowledged.add(response.json().get("id").asLong());
						}
					}
					return null;
				});
			}
			while (acknowledged.size() < 50) {
				Thread.sleep(20);
			}
			Set<Long> before = new HashSet<>(acknowledged);
			copy.take();
			System.out.printf("%s: %d comments acknowledged before it, %d while it ran%n", copyName, before.size(),
					acknowledged.size() - before.size());
			writing.set(false);
			return before;
		}
	}

}
