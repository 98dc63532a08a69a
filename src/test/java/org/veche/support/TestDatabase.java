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
 * Gives each test application context a database of its own: a fresh SQLite file by default, or a fresh
 * PostgreSQL database when the build runs with -Dveche.test.database=postgresql (the failsafe execution
 * that .ci/run enables sets it, with the server's URL in veche.test.postgres.url).
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	public static boolean postgresql() {
		return "postgresql".equals(System.getProperty("veche.test.database"));
	}

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		Path dataDir = newDataDir();
		var properties = new java.util.HashMap<String, Object>(Map.of("veche.data-dir", dataDir.toString()));
		if (postgresql()) {
			properties.put("spring.datasource.url", createPostgresDatabase());
		}
		else {
			properties.put("spring.datasource.url", "jdbc:sqlite:" + dataDir.resolve("veche.db"));
		}
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("veche-test-database", properties));
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

	/** Creates an empty database on the test server and returns its URL, with the server URL's credentials. */
	private static String createPostgresDatabase() {
		String serverUrl = System.getProperty("veche.test.postgres.url");
		if (serverUrl == null || serverUrl.isBlank()) {
			throw new IllegalStateException("veche.test.postgres.url is not set: start PostgreSQL (see .ci/run)");
		}
		String name = "veche_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
		try (Connection admin = DriverManager.getConnection(serverUrl)) {
			admin.createStatement().execute("CREATE DATABASE " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot create a test database on " + serverUrl.replaceAll("password=[^&]*", "password=***"), ex);
		}
		// Spring closes the test contexts at JVM exit too; the hook after them drops what this run made.
		Runtime.getRuntime().addShutdownHook(new Thread(() -> dropPostgresDatabase(serverUrl, name)));
		// jdbc:postgresql://host:port/db?params -> same host and params, the new database
		return serverUrl.replaceFirst("(jdbc:postgresql://[^/]+/)[^?]*", "$1" + name);
	}

}
