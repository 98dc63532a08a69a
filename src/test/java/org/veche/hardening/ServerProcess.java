package org.veche.hardening;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * target/veche.jar run as a separate JVM, as an owner runs it, so a test can kill it with
 * SIGKILL and start it again on the same data. Its output goes to a file in the temporary
 * folder, named after the data directory.
 */
final class ServerProcess implements AutoCloseable {

	static final Path JAR = Path.of("target", "veche.jar");

	static final String ADMIN_EMAIL = "crash-admin@example.org";

	static final String ADMIN_PASSWORD = "a long administrator password";

	private final Process process;

	final int port;

	private ServerProcess(Process process, int port) {
		this.process = process;
		this.port = port;
	}

	static boolean jarBuilt() {
		return Files.isRegularFile(JAR);
	}

	/**
	 * Starts the jar and waits until it answers /actuator/health (two minutes at most).
	 */
	static ServerProcess start(Path dataDir, String databaseUrl, List<String> extraArguments) {
		int port = freePort();
		String java = ProcessHandle.current().info().command().orElse("java");
		var command = new ArrayList<>(List.of(java, "-Xmx512m", "-XX:TieredStopAtLevel=1", "-jar",
				JAR.toAbsolutePath().toString(), "--server.port=" + port, "--veche.data-dir=" + dataDir,
				"--spring.datasource.url=" + databaseUrl, "--veche.demo-content=false",
				"--veche.admin.email=" + ADMIN_EMAIL, "--veche.admin.password=" + ADMIN_PASSWORD,
				// publish() asks for a token until the first administrator exists: those
				// tries are not an attack
				"--veche.identity.sign-in-failures-per-email=1000", "--veche.moderation.hold-first-comment=false",
				"--veche.moderation.hold-links=0", "--veche.moderation.raid-size=0", "--veche.moderation.surge.size=0",
				"--veche.rate-limit.enabled=false", "--spring.mail.host="));
		command.addAll(extraArguments);
		try {
			// beside the data, not in it: a test may fill the data's disk
			Path log = Path.of(System.getProperty("java.io.tmpdir"),
					"veche-server-" + Math.abs(dataDir.hashCode()) + ".log");
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
				.start();
			var server = new ServerProcess(process, port);
			server.awaitHealthy(Duration.ofMinutes(2), log);
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	String url(String path) {
		return "http://127.0.0.1:" + port + path;
	}

	private void awaitHealthy(Duration patience, Path log) {
		var client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		long deadline = System.nanoTime() + patience.toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new AssertionError("the server stopped at start; see " + log);
			}
			try {
				var response = client.send(HttpRequest.newBuilder(URI.create(url("/actuator/health"))).build(),
						HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() == 200 && response.body().contains("UP")) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
			sleep(250);
		}
		process.destroyForcibly();
		throw new AssertionError("the server did not start in " + patience + "; see " + log);
	}

	/**
	 * Publishes the articles through the API as the first administrator, and returns
	 * their slugs and ids.
	 */
	List<Map.Entry<String, Long>> publish(int count) {
		var client = HttpClient.newHttpClient();
		try {
			// the first administrator is made by a runner just after the server starts
			// answering
			HttpResponse<String> token = null;
			for (int attempt = 0; attempt < 120 && (token == null || token.statusCode() != 200); attempt++) {
				if (attempt > 0) {
					sleep(500);
				}
				token = client.send(HttpRequest.newBuilder(URI.create(url("/api/v1/auth/token")))
					.header("Content-Type", "application/json")
					.header("X-Forwarded-For", "10.254.0." + (attempt % 250 + 1))
					.POST(HttpRequest.BodyPublishers
						.ofString("{\"email\":\"" + ADMIN_EMAIL + "\",\"password\":\"" + ADMIN_PASSWORD + "\"}"))
					.build(), HttpResponse.BodyHandlers.ofString());
			}
			if (token.statusCode() != 200) {
				throw new AssertionError("no token for the administrator: " + token.statusCode() + " " + token.body());
			}
			String bearer = org.veche.support.Http.JSON.readTree(token.body()).get("token").asString();
			var articles = new ArrayList<Map.Entry<String, Long>>();
			for (int i = 0; i < count; i++) {
				var response = client.send(HttpRequest.newBuilder(URI.create(url("/api/v1/articles")))
					.header("Content-Type", "application/json")
					.header("Authorization", "Bearer " + bearer)
					.POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"Story " + i + " " + System.nanoTime()
							+ "\",\"lead\":\"A lead\",\"body\":\"A body with *words*.\",\"tags\":[\"news\"],"
							+ "\"status\":\"published\"}"))
					.build(), HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() != 201) {
					throw new AssertionError("article not published: " + response.statusCode() + " " + response.body());
				}
				var json = org.veche.support.Http.JSON.readTree(response.body());
				articles.add(Map.entry(json.get("slug").asString(), json.get("id").asLong()));
			}
			return articles;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

	/** SIGKILL: no shutdown hook, no flush, no goodbye. */
	void kill() {
		process.destroyForcibly();
		try {
			process.waitFor();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	long pid() {
		return process.pid();
	}

	@Override
	public void close() {
		if (process.isAlive()) {
			process.destroy();
			try {
				if (!process.waitFor(java.util.concurrent.TimeUnit.SECONDS.toMillis(30),
						java.util.concurrent.TimeUnit.MILLISECONDS)) {
					process.destroyForcibly();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				process.destroyForcibly();
			}
		}
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static int freePort() {
		try (var socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
