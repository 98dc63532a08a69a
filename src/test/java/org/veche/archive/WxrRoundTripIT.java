package org.veche.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import javax.sql.DataSource;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.veche.VecheApplication;
import org.veche.identity.Role;
import org.veche.importer.ExportFormat;
import org.veche.importer.ImportRun;
import org.veche.importer.Imports;
import org.veche.support.IntegrationTest;
import org.veche.support.TestDatabase;

/**
 * WXR export, then the importer of the other half into an empty site: the
 * articles come back with their title, lead, text, tags, status, dates and photos, and
 * the comments with their authors, e-mail, website, status, dates and threading.
 */
class WxrRoundTripIT extends IntegrationTest {

	@Autowired
	Archive archive;

	@Autowired
	DataSource dataSource;

	@Test
	void anExportImportedIntoAnEmptySiteGivesTheSameContent() throws Exception {
		String editor = tokenFor(Role.EDITOR);
		int n = unique();
		var body = new HashMap<String, Object>();
		body.put("title", "Round trip " + n);
		body.put("lead", "Everything comes back");
		body.put("body", "Police *detained* forty people near the [court](https://court.example).");
		body.put("tags", List.of("court", "detentions"));
		body.put("status", "published");
		String slug = http.bearer(editor).postJson("/api/v1/articles", body).json().get("slug").asString();
		assertThat(http.bearer(editor)
			.postMultipart("/api/v1/articles/" + slug + "/photos",
					Map.of("file", ArchiveSupport.jpeg(640, 480), "caption", "The court", "credit", "Staff", "alt",
							"A door"))
			.status()).isEqualTo(201);
		long root = postComment(slug, null, "Marta", "I was *there*").get("id").asLong();
		long reply = postComment(slug, root, "Taras", "So was I").get("id").asLong();
		postComment(slug, reply, "Olha", "Deeper").get("id").asLong();
		var draft = new HashMap<String, Object>(
				Map.of("title", "Round trip draft " + n, "body", "Unfinished", "status", "draft"));
		assertThat(http.bearer(editor).postJson("/api/v1/articles", draft).status()).isEqualTo(201);

		Path file = Files.createTempFile("veche-roundtrip-", ".xml");
		try (OutputStream out = Files.newOutputStream(file)) {
			archive.wxr(out, "http://localhost:" + port, new Progress());
		}

		Path empty = Files.createTempDirectory("veche-roundtrip-");
		String url = TestDatabase.newDatabaseUrl(empty);
		// as arguments, which outrank application.properties (defaults would not)
		try (var site = new SpringApplicationBuilder(VecheApplication.class).run("--server.port=-1",
				"--veche.demo-content=false", "--veche.data-dir=" + empty, "--spring.datasource.url=" + url,
				// the export names this test site's photos on loopback, which imports
				// refuse by default
				"--veche.importer.image-exempt-addresses=127.0.0.1")) {
			ImportRun run = site.getBean(Imports.class).run(ExportFormat.WXR, file);
			assertThat(run.failure()).as("import failure").isNull();
		}

		String[] titles = { "Round trip " + n, "Round trip draft " + n };
		try (Connection before = dataSource.getConnection(); Connection after = DriverManager.getConnection(url)) {
			for (String title : titles) {
				assertThat(content(after, title)).as(title).isEqualTo(content(before, title));
			}
		}
	}

	/** WXR dates have whole seconds, as WordPress keeps them. */
	private static String seconds(Object epochMillis) {
		return epochMillis == null ? "null" : String.valueOf(((Number) epochMillis).longValue() / 1000);
	}

	/**
	 * What a reader or an editor sees of an article and its discussion, without the ids
	 * that a new site gives.
	 */
	private static List<String> content(Connection db, String title) throws SQLException {
		var lines = new ArrayList<String>();
		long id;
		try (var q = db.prepareStatement(
				"SELECT id, title, lead, status, published_at, kind, body_html FROM article WHERE title = ?")) {
			q.setString(1, title);
			var rs = q.executeQuery();
			assertThat(rs.next()).as("article " + title).isTrue();
			id = rs.getLong(1);
			lines.add("article " + rs.getString(2) + " | " + rs.getString(3) + " | " + rs.getString(4) + " | "
					+ seconds(rs.getObject(5)) + " | " + rs.getString(6) + " | " + Jsoup.parse(rs.getString(7)).text());
		}
		var tags = new TreeSet<String>();
		try (var q = db.prepareStatement("SELECT tag FROM article_tag WHERE article_id = ?")) {
			q.setLong(1, id);
			var rs = q.executeQuery();
			while (rs.next()) {
				tags.add(rs.getString(1));
			}
		}
		lines.add("tags " + tags);
		// WordPress has no field for a photo's credit, so the credit is not compared (the
		// export keeps it as veche_credit meta, which the importer does not read); the
		// file that travels is the largest variant the site serves (it keeps no original
		// by default), so the shape is compared, not the size
		try (var q = db
			.prepareStatement("SELECT caption, alt, width, height FROM photo WHERE article_id = ? ORDER BY position")) {
			q.setLong(1, id);
			var rs = q.executeQuery();
			while (rs.next()) {
				lines.add("photo " + rs.getString(1) + " | " + rs.getString(2) + " | "
						+ rs.getInt(3) * 100 / rs.getInt(4) + "%");
			}
		}
		var names = new HashMap<Long, String>();
		var comments = new ArrayList<String[]>();
		try (var q = db
			.prepareStatement("SELECT id, parent_id, author_name, author_email, author_url, status, created_at, "
					+ "body_html FROM comment WHERE article_id = ? ORDER BY created_at, id")) {
			q.setLong(1, id);
			var rs = q.executeQuery();
			while (rs.next()) {
				names.put(rs.getLong(1), rs.getString(3));
				comments.add(new String[] { String.valueOf(rs.getObject(2)),
						rs.getString(3) + " | " + rs.getString(4) + " | " + rs.getString(5) + " | " + rs.getString(6)
								+ " | " + seconds(rs.getLong(7)) + " | " + Jsoup.parse(rs.getString(8)).text() });
			}
		}
		for (String[] c : comments) {
			String parent = c[0].equals("null") ? "-" : names.get(Long.parseLong(c[0]));
			lines.add("comment " + c[1] + " | reply to " + parent);
		}
		return lines;
	}

}
