package org.veche.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives each test application context a database of its own: a fresh SQLite file by
 * default, or a fresh PostgreSQL database when the build runs with
 * -Dveche.test.database=postgresql (the failsafe execution that .ci/run enables sets it,
 * with the server's URL in veche.test.postgres.url).
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	public static boolean postgresql() {
		return "postgresql".equals(System.getProperty("veche.test.database"));
	}

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		Path dataDir = newDataDir();
		var properties = new java.util.HashMap<String, Object>(Map.of("veche.data-dir", dataDir.toString()));
		// every context mails the one GreenMail server of this JVM
		properties.put("spring.mail.host", "127.0.0.1");
		properties.put("spring.mail.port", TestMail.smtpPort());
		// Contexts close together at JVM exit, while the PostgreSQL databases are
		// dropped: waiting there for open live streams to drain (graceful shutdown) only
		// outlasts the test runner's patience.
		properties.put("server.shutdown", "immediate");
		properties.put("spring.lifecycle.timeout-per-shutdown-phase", "5s");
		if (postgresql()) {
			properties.put("spring.datasource.url", createPostgresDatabase());
		}
		else {
			properties.put("spring.datasource.url", "jdbc:sqlite:" + dataDir.resolve("veche.db"));
		}
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("veche-test-database", properties));
	}

	/**
	 * A JDBC URL of a new empty database of this run's kind, for tests that start a
	 * second site (the commands).
	 */
	public static String newDatabaseUrl(Path dataDir) {
		return postgresql() ? createPostgresDatabase() : "jdbc:sqlite:" + dataDir.resolve("veche.db");
	}

	/**
	 * A new empty PostgreSQL database when a server is at hand (VECHE_TEST_POSTGRES_URL),
	 * else null.
	 */
	public static String newPostgresDatabaseUrlIfAvailable() {
		String server = System.getProperty("veche.test.postgres.url");
		if (server == null || server.isBlank()) {
			server = System.getenv("VECHE_TEST_POSTGRES_URL");
		}
		if (server == null || server.isBlank()) {
			return null;
		}
		return createPostgresDatabase(server);
	}

	private static Path newDataDir() {
		try {
			return Files.createTempDirectory("veche-it-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void dropPostgresDatabase(String serverUrl, String name) {
		try (Connection admin = DriverManager.getConnection(serverUrl)) {
			admin.createStatement().execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
		}
		catch (SQLException ex) {
			// a database left behind costs disk space on a test server, not a test result
		}
	}

	/**
	 * Creates an empty database on the test server and returns its URL, with the server
	 * URL's credentials.
	 */
	private static String createPostgresDatabase() {
		String serverUrl = System.getProperty("veche.test.postgres.url");
		if (serverUrl == null || serverUrl.isBlank()) {
			throw new IllegalStateException("veche.test.postgres.url is not set: start PostgreSQL (see .ci/run)");
		}
		return createPostgresDatabase(serverUrl);
	}

	private static String createPostgresDatabase(String serverUrl) {
		String name = "veche_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
		try (Connection admin = DriverManager.getConnection(serverUrl)) {
			admin.createStatement().execute("CREATE DATABASE " + name);
			// Spring closes the test contexts at JVM exit too; the hook after them drops
			// what this run made.
			Runtime.getRuntime().addShutdownHook(new Thread(() -> dropPostgresDatabase(serverUrl, name)));
		}
		catch (SQLException ex) {
			throw new IllegalStateException(
					"Cannot create a test database on " + serverUrl.replaceAll("password=[^&]*", "password=***"), ex);
		}
		// At JVM exit, FORCE ends the closing context's last connections and drops what
		// this run made.
		Runtime.getRuntime().addShutdownHook(new Thread(() -> dropPostgresDatabase(serverUrl, name)));
		// jdbc:postgresql://host:port/db?params -> same host and params, the new database
		return serverUrl.replaceFirst("(jdbc:postgresql://[^/]+/)[^?]*", "$1" + name);
	}

}
