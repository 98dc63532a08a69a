package org.veche.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.veche.support.Http;

/**
 * What the archive tests share: a photo to upload, every table of a database read from
 * its own metadata, and every row and every media file in a form two sites can be
 * compared by.
 */
final class ArchiveSupport {

	private ArchiveSupport() {
	}

	static Http.FilePart jpeg(int width, int height) {
		var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		var g = image.createGraphics();
		g.setColor(new Color(30, 90, 160));
		g.fillRect(0, 0, width, height);
		g.setColor(Color.ORANGE);
		g.fillOval(width / 4, height / 4, width / 2, height / 2);
		g.dispose();
		var out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "jpg", out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new Http.FilePart("photo.jpg", "image/jpeg", out.toByteArray());
	}

	/**
	 * Tables no section copies as rows: the nodes' shared running state (sessions, job
	 * locks, limits), and the photo files in PostgreSQL, which the media section writes
	 * as files (see docs/DEPLOYMENT.md).
	 */
	static final java.util.Set<String> NOT_ROWS = java.util.Set.of("shedlock", "spring_session",
			"spring_session_attributes", "sign_in_failure", "raid_recent", "raid_premoderation", "surge",
			"surge_thread", "media_file");

	static final java.util.regex.Pattern SEARCH_INDEX = java.util.regex.Pattern
		.compile("(article|comment)_fts(_\\w+)?");

	/**
	 * The schema's tables as the database itself lists them, less Flyway's history,
	 * SQLite's own and {@link #NOT_ROWS}.
	 */
	static List<String> tables(Connection connection) throws SQLException {
		var tables = new ArrayList<String>();
		String schema = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")
				? "public" : null;
		try (ResultSet rs = connection.getMetaData().getTables(null, schema, "%", new String[] { "TABLE" })) {
			while (rs.next()) {
				String name = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
				// the search indexes (SQLite FTS5 tables and their shadow tables) are
				// rebuilt from rows by triggers
				if (!name.startsWith("sqlite_") && !name.equals("flyway_schema_history") && !NOT_ROWS.contains(name)
						&& !SEARCH_INDEX.matcher(name).matches()) {
					tables.add(name);
				}
			}
		}
		return tables.stream().sorted().toList();
	}

	/**
	 * Every row of every table, each as "column=value" pairs in column-name order,
	 * sorted, with flags as 0/1 so that a SQLite site and a PostgreSQL one compare equal.
	 */
	static Map<String, List<String>> rows(Connection connection) throws SQLException {
		var all = new TreeMap<String, List<String>>();
		for (String table : tables(connection)) {
			var rows = new ArrayList<String>();
			try (var statement = connection.createStatement();
					ResultSet rs = statement.executeQuery("SELECT * FROM " + table)) {
				var meta = rs.getMetaData();
				while (rs.next()) {
					var row = new TreeMap<String, String>();
					for (int i = 1; i <= meta.getColumnCount(); i++) {
						Object value = rs.getObject(i);
						String text = switch (value) {
							case null -> "null";
							case Boolean b -> b ? "1" : "0";
							case Number n -> String.valueOf(n.longValue());
							case byte[] bytes -> "0x" + HexFormat.of().formatHex(bytes);
							default -> "'" + value + "'";
						};
						row.put(meta.getColumnName(i).toLowerCase(Locale.ROOT), text);
					}
					rows.add(row.toString());
				}
			}
			all.put(table, rows.stream().sorted().toList());
		}
		return all;
	}

	static Map<String, List<String>> rows(String jdbcUrl) throws SQLException {
		try (Connection connection = DriverManager.getConnection(jdbcUrl)) {
			return rows(connection);
		}
	}

	/** Relative path to SHA-256 of every file under the folder. */
	static Map<String, String> files(Path root) {
		var files = new TreeMap<String, String>();
		if (!Files.isDirectory(root)) {
			return files;
		}
		try (Stream<Path> walk = Files.walk(root)) {
			for (Path file : walk.filter(Files::isRegularFile).toList()) {
				files.put(root.relativize(file).toString(), HexFormat.of()
					.formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
		return files;
	}

	static void assertSameSite(Map<String, List<String>> expected, Map<String, List<String>> actual) {
		assertThat(actual.keySet()).isEqualTo(expected.keySet());
		for (String table : expected.keySet()) {
			assertThat(actual.get(table)).as("rows of " + table).isEqualTo(expected.get(table));
		}
	}

}
