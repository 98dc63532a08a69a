package org.veche.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.veche.support.Http;
import org.veche.support.TestDatabase;

/**
 * A full disk and a read-only database: posting answers 503 with a message that says why
 * (problem+json to the API, a page to a browser), never a 500; reading goes on; nothing
 * acknowledged before is lost; and once space returns, or the files are writable again,
 * the site takes comments again by itself. target/veche.jar runs on a small tmpfs
 * (mounting needs root; the test is skipped with the reason otherwise) and on SQLite
 * only: a PostgreSQL server's disk is not the site's.
 */
class StorageTroubleIT {

	private static final HttpClient CLIENT = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private int sequence;

	@Test
	void aFullDiskAnswers503AndTheSiteRecoversWhenSpaceReturns() throws Exception {
		Assumptions.assumeTrue(ServerProcess.jarBuilt(), "target/veche.jar is not built (failsafe runs after package)");
		Assumptions.assumeFalse(TestDatabase.postgresql(), "the database's disk is the PostgreSQL server's");
		Path mount = Files.createTempDirectory("veche-full-");
		Assumptions.assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=160m", "tmpfs", mount.toString()) == 0,
				"cannot mount a tmpfs here (needs root)");
		try {
			Path data = mount.resolve("data");
			try (ServerProcess server = ServerProcess.start(data, "jdbc:sqlite:" + data.resolve("veche.db"),
					List.of())) {
				String slug = firstArticle(server);
				Map<Long, String> acknowledged = new HashMap<>();
				for (int i = 0; i < 10; i++) {
					acknowledge(post(server, slug, false), acknowledged);
				}
				assertThat(acknowledged).hasSize(10);

				Path filler = mount.resolve("filler");
				fill(filler);
				List<Integer> refused = new ArrayList<>();
				Http.Response api = null;
				Http.Response page = null;
				for (int i = 0; i < 300 && (api == null || page == null); i++) {
					var response = post(server, slug, i % 2 == 1);
					assertThat(response.status() < 500 || response.status() == 503)
						.as("no server error but 503 on a full disk: %s", response)
						.isTrue();
					if (response.status() == 503) {
						refused.add(i);
						if (i % 2 == 1) {
							page = response;
						}
						else {
							api = response;
						}
					}
					else {
						acknowledge(response, acknowledged);
					}
				}
				assertThat(api).as("an API post refused with 503 on a full disk").isNotNull();
				assertThat(api.header("Content-Type")).startsWith("application/problem+json");
				assertThat(api.json().get("detail").asString()).contains("storage is full or read-only");
				assertThat(api.header("Retry-After")).isNotNull();
				assertThat(page).as("a form post refused with 503 on a full disk").isNotNull();
				assertThat(page.html().text()).contains("storage is full or read-only");
				assertThat(get(server, "/articles/" + slug).status()).as("reading on a full disk").isEqualTo(200);

				Files.delete(filler);
				Http.Response again = null;
				for (int i = 0; i < 50; i++) {
					again = post(server, slug, false);
					if (again.status() == 201) {
						break;
					}
					ServerProcess.sleep(200);
				}
				assertThat(again.status()).as("posting once space returned: %s", again).isEqualTo(201);
				acknowledge(again, acknowledged);
				assertEveryComment(server, slug, acknowledged);
			}
		}
		finally {
			run("umount", "-l", mount.toString());
		}
	}

	@Test
	void aReadOnlyDatabaseAnswers503AndTheSiteRecoversWhenItIsWritableAgain() throws Exception {
		Assumptions.assumeTrue(ServerProcess.jarBuilt(), "target/veche.jar is not built (failsafe runs after package)");
		Assumptions.assumeFalse(TestDatabase.postgresql(), "the database's files are the PostgreSQL server's");
		Path data = Files.createTempDirectory("veche-readonly-");
		try (ServerProcess server = ServerProcess.start(data, "jdbc:sqlite:" + data.resolve("veche.db"), List.of())) {
			String slug = firstArticle(server);
			Map<Long, String> acknowledged = new HashMap<>();
			for (int i = 0; i < 5; i++) {
				acknowledge(post(server, slug, false), acknowledged);
			}
			List<String> files = new ArrayList<>();
			try (var list = Files.list(data)) {
				list.filter(f -> f.getFileName().toString().startsWith("veche.db"))
					.forEach(f -> files.add(f.toString()));
			}
			var immutable = new ArrayList<>(List.of("chattr", "+i"));
			immutable.addAll(files);
			Assumptions.assumeTrue(run(immutable.toArray(String[]::new)) == 0, "chattr +i is not permitted here");
			try {
				var api = post(server, slug, false);
				assertThat(api.status()).as("API post on a read-only database: %s", api).isEqualTo(503);
				assertThat(api.json().get("detail").asString()).contains("storage is full or read-only");
				var page = post(server, slug, true);
				assertThat(page.status()).as("form post on a read-only database: %s", page).isEqualTo(503);
				assertThat(get(server, "/articles/" + slug).status()).isEqualTo(200);
			}
			finally {
				immutable.set(1, "-i");
				run(immutable.toArray(String[]::new));
			}
			Http.Response again = null;
			for (int i = 0; i < 50; i++) {
				again = post(server, slug, false);
				if (again.status() == 201) {
					break;
				}
				ServerProcess.sleep(200);
			}
			assertThat(again.status()).as("posting once writable again: %s", again).isEqualTo(201);
			acknowledge(again, acknowledged);
			assertEveryComment(server, slug, acknowledged);
		}
	}

	private static void fill(Path filler) {
		byte[] chunk = new byte[1 << 20];
		try (OutputStream out = Files.newOutputStream(filler)) {
			while (true) {
				out.write(chunk);
			}
		}
		catch (IOException full) {
			// no space left: that was the point
		}
	}

	private static void acknowledge(Http.Response response, Map<Long, String> acknowledged) {
		if (response.status() == 201 || response.status() == 202) {
			acknowledged.put(response.json().get("id").asLong(), response.json().get("html").asString());
		}
		else if (response.status() == 302) {
			var matcher = java.util.regex.Pattern.compile("[?&](posted|held)=(\\d+)")
				.matcher(response.header("Location"));
			if (matcher.find()) {
				acknowledged.put(Long.parseLong(matcher.group(2)), "");
			}
		}
	}

	private static void assertEveryComment(ServerProcess server, String slug, Map<Long, String> acknowledged)
			throws Exception {
		var response = CLIENT
			.send(HttpRequest.newBuilder(URI.create(server.url("/api/v1/articles/" + slug + "/comments")))
				.header("Accept", "application/json")
				.build(), HttpResponse.BodyHandlers.ofString());
		var list = Http.JSON.readTree(response.body()).get("comments");
		var ids = new java.util.HashSet<Long>();
		list.forEach(c -> ids.add(c.get("id").asLong()));
		assertThat(ids).as("every acknowledged comment is there").containsAll(acknowledged.keySet());
	}

	private Http.Response post(ServerProcess server, String slug, boolean form) throws Exception {
		int n = ++sequence;
		String address = "10.9." + (n >> 8 & 255) + "." + (n & 255);
		HttpRequest.Builder request;
		if (form) {
			request = HttpRequest.newBuilder(URI.create(server.url("/articles/" + slug + "/comments")))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("Accept", "text/html")
				.POST(HttpRequest.BodyPublishers
					.ofString("author=Reader+" + n + "&email=r" + n + "%40example.org&comment=" + URLEncoder
						.encode("Stored or refused " + n + " " + "x".repeat(2000), StandardCharsets.UTF_8)));
		}
		else {
			request = HttpRequest.newBuilder(URI.create(server.url("/api/v1/articles/" + slug + "/comments")))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(Http.JSON.writeValueAsString(
						Map.of("author", Map.of("name", "Reader " + n, "email", "r" + n + "@example.org"), "body",
								"Stored or refused " + n + " " + "y".repeat(2000)))));
		}
		var response = CLIENT.send(request.header("X-Forwarded-For", address).timeout(Duration.ofSeconds(60)).build(),
				HttpResponse.BodyHandlers.ofString());
		return new Http.Response(response.statusCode(), response.body(), response.headers().map());
	}

	private static Http.Response get(ServerProcess server, String path) throws Exception {
		var response = CLIENT.send(
				HttpRequest.newBuilder(URI.create(server.url(path))).header("Accept", "text/html").build(),
				HttpResponse.BodyHandlers.ofString());
		return new Http.Response(response.statusCode(), response.body(), response.headers().map());
	}

	private static String firstArticle(ServerProcess server) throws Exception {
		return server.publish(1).get(0).getKey();
	}

	private static int run(String... command) {
		try {
			return new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start()
				.waitFor();
		}
		catch (IOException ex) {
			return -1;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return -1;
		}
	}

}
