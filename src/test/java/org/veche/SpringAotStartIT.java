package org.veche;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
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
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A jar built with {@code -Pspring-aot} starts from Spring AOT's prebuilt context
 * (README, "Running it for real"): extracted and started with
 * {@code -Dspring.aot.enabled=true} it is ready, signs the first administrator in and
 * serves the demo's article page; and a start that asks for PostgreSQL with it is
 * refused, naming the setting. Only such a jar is tried (the plain build carries no
 * prebuilt context), once, on SQLite.
 */
class SpringAotStartIT {

	static final Path JAR = Path.of("target", "veche.jar");

	static final String PREBUILT = "BOOT-INF/classes/org/veche/VecheApplication__ApplicationContextInitializer.class";

	static final String JAVA = ProcessHandle.current().info().command().orElse("java");

	@TempDir
	static Path work;

	static Path app;

	@BeforeAll
	static void theJarIsExtracted() throws Exception {
		assumeFalse("postgresql".equals(System.getProperty("veche.test.database")), "tried once, on SQLite");
		assertThat(JAR).as("run mvn package (or verify) first").exists();
		try (var jar = new JarFile(JAR.toFile())) {
			assumeTrue(jar.getEntry(PREBUILT) != null, "the jar was built without -Pspring-aot");
		}
		app = work.resolve("app");
		var extract = new ProcessBuilder(JAVA, "-Djarmode=tools", "-jar", JAR.toAbsolutePath().toString(), "extract",
				"--destination", app.toString())
			.redirectErrorStream(true)
			.redirectOutput(work.resolve("extract.log").toFile())
			.start();
		assertThat(extract.waitFor(2, TimeUnit.MINUTES) && extract.exitValue() == 0).as("jar extracted").isTrue();
	}

	@Test
	void theSiteStartsFromThePrebuiltContextAndServesTheArticlePage() throws Exception {
		int port = freePort();
		Path log = work.resolve("site.log");
		Process site = start(log, "--server.port=" + port, "--veche.data-dir=" + work.resolve("data"),
				"--veche.demo-content=true", "--veche.admin.email=aot@example.org",
				"--veche.admin.password=an administrator passphrase", "--veche.rate-limit.enabled=false");
		try {
			var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
			String base = "http://127.0.0.1:" + port;
			awaitUp(http, base, site, log);

			var token = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/auth/token"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers
					.ofString("{\"email\":\"aot@example.org\",\"password\":\"an administrator passphrase\"}"))
				.build(), HttpResponse.BodyHandlers.ofString());
			String articles = get(http, base + "/api/v1/articles").body();
			var slug = Pattern.compile("\"slug\":\"([^\"]+)\"").matcher(articles);
			assertThat(slug.find()).as(articles).isTrue();
			var page = get(http, base + "/articles/" + slug.group(1));

			assertThat(Files.readString(log)).contains("Starting AOT-processed VecheApplication");
			assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
			assertThat(page.statusCode()).isEqualTo(200);
			assertThat(page.body()).contains("<article");
		}
		finally {
			site.destroy();
			site.waitFor(30, TimeUnit.SECONDS);
		}
	}

	@Test
	void aStartOnPostgresqlIsRefusedNamingTheSetting() throws Exception {
		Path log = work.resolve("refused.log");
		Process site = start(log, "--server.port=" + freePort(), "--veche.data-dir=" + work.resolve("refused"),
				"--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/veche");

		assertThat(site.waitFor(2, TimeUnit.MINUTES)).as("the start ends").isTrue();
		assertThat(site.exitValue()).isNotZero();
		assertThat(Files.readString(log)).contains("Spring AOT (-Dspring.aot.enabled=true) prepared")
			.contains("spring.datasource.url (PostgreSQL)");
	}

	private static Process start(Path log, String... arguments) throws IOException {
		var command = new ArrayList<>(List.of(JAVA, "-Dspring.aot.enabled=true", "-Xmx256m", "-XX:TieredStopAtLevel=1",
				"-jar", app.resolve("veche.jar").toString()));
		command.addAll(List.of(arguments));
		return new ProcessBuilder(command).directory(app.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
	}

	private static void awaitUp(HttpClient http, String base, Process site, Path log) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
		while (System.nanoTime() < deadline) {
			assertThat(site.isAlive()).as("the site stopped; see %s", log).isTrue();
			try {
				var health = get(http, base + "/actuator/health");
				if (health.statusCode() == 200 && health.body().contains("UP")) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(200);
		}
		throw new AssertionError("not UP in 3 minutes; see " + log);
	}

	private static HttpResponse<String> get(HttpClient http, String url) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private static int freePort() throws IOException {
		try (var socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
