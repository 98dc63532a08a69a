package org.veche.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.veche.support.Http;
import org.veche.support.TestDatabase;

/**
 * target/veche.jar in its own JVM takes comments from 16 writers at once, half through
 * the API and half through the HTML form, and is killed with SIGKILL at a random moment;
 * after it is started again, every comment it acknowledged (201, 202 or the redirect to
 * it) is there, whole, and the database has no half-written row. Cycles:
 * {@code -Dveche.crash.cycles} (3 on SQLite and 1 on PostgreSQL by default;
 * bench/crash.sh runs 20 and 5).
 */
class CrashSafetyIT {

	private static final Pattern POSTED = Pattern.compile("[?&](posted|held)=(\\d+)");

	private static final HttpClient CLIENT = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	record Acknowledged(long id, String body, String name) {
	}

	@Test
	void everyAcknowledgedCommentSurvivesAKill() throws Exception {
		Assumptions.assumeTrue(ServerProcess.jarBuilt(), "target/veche.jar is not built (failsafe runs after package)");
		int cycles = Integer.getInteger("veche.crash.cycles", TestDatabase.postgresql() ? 1 : 3);
		Path data = Files.createTempDirectory("veche-crash-");
		String database = TestDatabase.newDatabaseUrl(data);
		var acknowledged = new ConcurrentHashMap<Long, Acknowledged>();
		var sequence = new AtomicInteger();
		String slug = null;
		for (int cycle = 0; cycle < cycles; cycle++) {
			ServerProcess server = ServerProcess.start(data, database, List.of());
			try {
				assertAllThere(database, acknowledged, "after restart " + cycle);
				if (slug == null) {
					slug = firstArticle(server);
				}
				var running = new AtomicBoolean(true);
				String article = slug;
				int before = acknowledged.size();
				try (var writers = Executors.newVirtualThreadPerTaskExecutor()) {
					for (int w = 0; w < 16; w++) {
						boolean form = w % 2 == 1;
						writers.submit(() -> {
							while (running.get()) {
								int n = sequence.incrementAndGet();
								try {
									post(server, article, n, form, acknowledged);
								}
								catch (IOException ex) {
									// the server is gone: what was not acknowledged may
									// be lost
									ServerProcess.sleep(20);
								}
							}
							return null;
						});
					}
					ServerProcess.sleep(ThreadLocalRandom.current().nextLong(1_500, 6_000));
					server.kill();
					running.set(false);
				}
				assertThat(acknowledged.size()).as("comments acknowledged in cycle %d", cycle).isGreaterThan(before);
			}
			finally {
				server.kill();
			}
		}
		try (ServerProcess server = ServerProcess.start(data, database, List.of())) {
			assertAllThere(database, acknowledged, "after the last restart");
			// and the site still takes comments
			post(server, slug, sequence.incrementAndGet(), false, acknowledged);
		}
		System.out.printf("crash safety: %d cycles, %d comments acknowledged, all found%n", cycles,
				acknowledged.size());
	}

	private static String firstArticle(ServerProcess server) throws Exception {
		return server.publish(1).get(0).getKey();
	}

	private static void post(ServerProcess server, String slug, int n, boolean form,
			Map<Long, Acknowledged> acknowledged) throws IOException {
		String body = "Crash comment " + n + " with enough words to be a real comment";
		String name = "Writer " + n;
		String email = "writer" + n + "@example.org";
		String address = "10." + (n >> 16 & 255) + "." + (n >> 8 & 255) + "." + (n & 255);
		HttpRequest request;
		if (form) {
			String fields = "author=" + enc(name) + "&email=" + enc(email) + "&comment=" + enc(body);
			request = HttpRequest.newBuilder(URI.create(server.url("/articles/" + slug + "/comments")))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("X-Forwarded-For", address)
				.timeout(Duration.ofSeconds(30))
				.POST(HttpRequest.BodyPublishers.ofString(fields))
				.build();
		}
		else {
			String json = Http.JSON
				.writeValueAsString(Map.of("author", Map.of("name", name, "email", email), "body", body));
			request = HttpRequest.newBuilder(URI.create(server.url("/api/v1/articles/" + slug + "/comments")))
				.header("Content-Type", "application/json")
				.header("X-Forwarded-For", address)
				.timeout(Duration.ofSeconds(30))
				.POST(HttpRequest.BodyPublishers.ofString(json))
				.build();
		}
		HttpResponse<String> response;
		try {
			response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException(ex);
		}
		long id;
		if (form && response.statusCode() == 302) {
			var matcher = POSTED.matcher(response.headers().firstValue("Location").orElse(""));
			if (!matcher.find()) {
				return;
			}
			id = Long.parseLong(matcher.group(2));
		}
		else if (!form && (response.statusCode() == 201 || response.statusCode() == 202)) {
			id = Http.JSON.readTree(response.body()).get("id").asLong();
		}
		else {
			if (response.statusCode() >= 500) {
				throw new AssertionError(
						"server error while posting: " + response.statusCode() + " " + response.body());
			}
			return;
		}
		acknowledged.put(id, new Acknowledged(id, body, name));
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static void assertAllThere(String database, Map<Long, Acknowledged> acknowledged, String when)
			throws SQLException {
		try (Connection db = DriverManager.getConnection(database)) {
			if (database.startsWith("jdbc:sqlite:")) {
				try (var check = db.createStatement().executeQuery("PRAGMA integrity_check")) {
					check.next();
					assertThat(check.getString(1)).as("SQLite integrity %s", when).isEqualTo("ok");
				}
			}
			var found = new java.util.HashMap<Long, Acknowledged>();
			try (var rows = db.createStatement()
				.executeQuery(
						"SELECT id, body, author_name, body_html FROM comment WHERE body LIKE 'Crash comment %'")) {
				while (rows.next()) {
					String html = rows.getString(4);
					assertThat(html).as("rendered text of comment %d %s", rows.getLong(1), when)
						.contains(rows.getString(2));
					found.put(rows.getLong(1), new Acknowledged(rows.getLong(1), rows.getString(2), rows.getString(3)));
				}
			}
			for (Acknowledged comment : acknowledged.values()) {
				assertThat(found.get(comment.id())).as("acknowledged comment %d %s", comment.id(), when)
					.isEqualTo(comment);
			}
		}
	}

}
