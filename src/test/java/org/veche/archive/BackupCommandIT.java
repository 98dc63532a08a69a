package org.veche.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.veche.archive.ArchiveSupport.assertSameSite;
import static org.veche.archive.ArchiveSupport.files;
import static org.veche.archive.ArchiveSupport.rows;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.veche.VecheApplication;
import org.veche.identity.NewAccount;
import org.veche.identity.Role;
import org.veche.support.IntegrationTest;
import org.veche.support.TestDatabase;

/**
 * The command line against real data directories, run in-process: a backup of this site
 * restored into an empty one (of the same database kind, and of the other when a
 * PostgreSQL server is at hand) holds the same rows and the same photo files, ids go on
 * past the restored ones, and a second restore is refused.
 */
class BackupCommandIT extends IntegrationTest {

	@Autowired
	DataSource dataSource;

	@Autowired
	Environment environment;

	record Run(int exit, String out, String err) {
	}

	static Run command(String... args) {
		var out = new ByteArrayOutputStream();
		var err = new ByteArrayOutputStream();
		int exit = ArchiveCommand.run(VecheApplication.class, args, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	/** Something in every table this site has so far, made the way people make it. */
	void fillTheSite() throws Exception {
		String editor = tokenFor(Role.EDITOR);
		String slug = publishArticle(editor, "Backup story " + unique());
		var photo = http.bearer(editor)
			.postMultipart("/api/v1/articles/" + slug + "/photos", Map.of("file", ArchiveSupport.jpeg(900, 600),
					"caption", "Crowd at the square", "credit", "Staff", "alt", "People with banners"));
		assertThat(photo.status()).isEqualTo(201);
		long first = postComment(slug, null, "Marta", "First, with *emphasis*").get("id").asLong();
		postComment(slug, first, "Taras", "A reply").get("id").asLong();
		assertThat(http.from(newAddress()).postJson("/api/v1/comments/" + first + "/like", Map.of()).status())
			.isEqualTo(200);
		try (Connection db = dataSource.getConnection()) {
			long account = identity
				.createAccount(new NewAccount("linked" + unique() + "@example.org", "a long password " + unique(),
						"Linked Reader", Role.READER))
				.id();
			db.createStatement()
				.execute("INSERT INTO account_identity (account_id, provider, subject, email, "
						+ "email_verified, display_name, created_at) VALUES (" + account + ", 'google', 'sub-"
						+ unique() + "', 'l@example.org', " + (TestDatabase.postgresql() ? "TRUE" : "1")
						+ ", 'Linked', 1700000000000)");
			db.createStatement()
				.execute("INSERT INTO account_token (account_id, purpose, token_hash, created_at, "
						+ "expires_at) VALUES (" + account + ", 'VERIFY', 'hash-" + unique()
						+ "', 1700000000000, 1700000100000)");
			for (String table : List.of("site_setting", "account", "account_identity", "account_token", "api_token",
					"article", "article_tag", "photo", "comment", "comment_like")) {
				var rs = db.createStatement().executeQuery("SELECT COUNT(*) FROM " + table);
				rs.next();
				assertThat(rs.getLong(1)).as("rows in " + table).isPositive();
			}
		}
	}

	@Test
	void aBackupRestoresIntoAnEmptySiteWithTheSameRowsAndFiles() throws Exception {
		fillTheSite();
		Path dataDir = Path.of(environment.getProperty("veche.data-dir"));
		String url = environment.getProperty("spring.datasource.url");
		Map<String, List<String>> before;
		try (Connection db = dataSource.getConnection()) {
			awaitOutboxSent(db);
			before = rows(db);
		}
		Map<String, String> photoFiles = files(dataDir.resolve("media"));
		assertThat(photoFiles).isNotEmpty();

		Path backup = Files.createTempDirectory("veche-backup-").resolve("site.zip");
		Run export = command("export", "backup", backup.toString(), "--veche.data-dir=" + dataDir,
				"--spring.datasource.url=" + url);
		assertThat(export.exit()).as(export.err()).isZero();
		assertThat(export.out()).contains("backup: ").contains("comment: ").contains("export backup: done");
		assertThat(backup).isRegularFile();

		Path empty = Files.createTempDirectory("veche-restore-");
		String emptyUrl = TestDatabase.newDatabaseUrl(empty);
		Run restore = command("restore", backup.toString(), "--veche.data-dir=" + empty,
				"--spring.datasource.url=" + emptyUrl);
		assertThat(restore.exit()).as(restore.err()).isZero();
		assertThat(restore.out()).contains("restore: done");
		assertSameSite(before, rows(emptyUrl));
		assertThat(files(empty.resolve("media"))).isEqualTo(photoFiles);
		assertIdsGoOn(emptyUrl, before);

		Run again = command("restore", backup.toString(), "--veche.data-dir=" + empty,
				"--spring.datasource.url=" + emptyUrl);
		assertThat(again.exit()).isEqualTo(1);
		assertThat(again.err()).contains("not empty");

		// the other database: SQLite's backup into PostgreSQL, or PostgreSQL's into
		// SQLite
		String other = TestDatabase.postgresql() ? null : TestDatabase.newPostgresDatabaseUrlIfAvailable();
		Path otherDir = Files.createTempDirectory("veche-restore-other-");
		if (TestDatabase.postgresql()) {
			other = "jdbc:sqlite:" + otherDir.resolve("veche.db");
		}
		if (other != null) {
			Run across = command("restore", backup.toString(), "--veche.data-dir=" + otherDir,
					"--spring.datasource.url=" + other);
			assertThat(across.exit()).as(across.err()).isZero();
			assertSameSite(before, rows(other));
			assertThat(files(otherDir.resolve("media"))).isEqualTo(photoFiles);
			assertIdsGoOn(other, before);
		}
	}

	/**
	 * The next row of every table with a generated id gets an id past the restored ones.
	 */
	private static void assertIdsGoOn(String url, Map<String, List<String>> restored) throws Exception {
		try (Connection db = DriverManager.getConnection(url)) {
			boolean postgres = url.startsWith("jdbc:postgresql:");
			for (String table : restored.keySet()) {
				if (restored.get(table).isEmpty() || !restored.get(table).get(0).contains("id=")
						|| !hasIdColumn(db, table)) {
					continue;
				}
				var max = db.createStatement().executeQuery("SELECT MAX(id) FROM " + table);
				max.next();
				long highest = max.getLong(1);
				var next = db.createStatement()
					.executeQuery(postgres ? "SELECT nextval(pg_get_serial_sequence('" + table + "', 'id'))"
							: "SELECT seq + 1 FROM sqlite_sequence WHERE name = '" + table + "'");
				assertThat(next.next()).as("a sequence for " + table).isTrue();
				assertThat(next.getLong(1)).as("next id of " + table).isGreaterThan(highest);
			}
			var insert = db.prepareStatement("INSERT INTO account (email, display_name, role, created_at) "
					+ "VALUES ('after-restore@example.org', 'After', 'READER', 1)", new String[] { "id" });
			insert.executeUpdate();
			var keys = insert.getGeneratedKeys();
			keys.next();
			var max = db.createStatement()
				.executeQuery("SELECT MAX(id) FROM account WHERE email <> 'after-restore@example.org'");
			max.next();
			assertThat(keys.getLong(1)).isGreaterThan(max.getLong(1));
		}
	}

	/**
	 * The site's mail worker goes on sending while the test runs (the article it
	 * published is news to earlier tests' subscribers), and a row changes as it is
	 * claimed and sent: the snapshot waits until no mail is due and the site's rows stand
	 * still for a moment, so that what the backup holds is what the snapshot saw.
	 */
	private static void awaitOutboxSent(Connection db) throws Exception {
		long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
		Map<String, List<String>> last = rows(db);
		while (System.nanoTime() < deadline) {
			Thread.sleep(500);
			Map<String, List<String>> now = rows(db);
			boolean due;
			try (var rs = db.createStatement()
				.executeQuery("SELECT COUNT(*) FROM notification_outbox "
						+ "WHERE sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= "
						+ System.currentTimeMillis())) {
				rs.next();
				due = rs.getLong(1) > 0;
			}
			if (!due && now.equals(last)) {
				return;
			}
			last = now;
		}
		throw new AssertionError("the site's rows were still changing after 30 s");
	}

	private static boolean hasIdColumn(Connection db, String table) throws Exception {
		try (var rs = db.getMetaData().getColumns(null, null, table, "id")) {
			return rs.next();
		}
	}

}
