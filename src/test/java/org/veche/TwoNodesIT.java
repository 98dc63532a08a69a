package org.veche;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.veche.live.EventStream;
import org.veche.support.BrowserSession;
import org.veche.support.Http;
import org.veche.support.TestDatabase;
import org.veche.support.TestMail;

/**
 * The acceptance test of many nodes: two Veche nodes from target/veche.jar, each its own
 * JVM, port and data directory, on one new PostgreSQL database, with Debian's nginx in
 * front (round-robin, no sticky sessions). Only in the PostgreSQL pass, and only with
 * nginx installed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesIT {

	private static final String ADMIN = "admin@example.org";

	private static final String PASSWORD = "correct horse battery staple";

	private static final Path NGINX = Path.of("/usr/sbin/nginx");

	private static final Path JAR = Path.of("target/veche.jar");

	private final AtomicInteger sequence = new AtomicInteger();

	private Path work;

	private String databaseUrl;

	private Node a;

	private Node b;

	private Process nginx;

	private int front;

	/** One Veche in its own JVM. */
	private final class Node {

		final String name;

		final int port;

		final Path dataDir;

		Process process;

		Node(String name) throws IOException {
			this.name = name;
			this.port = freePort();
			this.dataDir = Files.createDirectories(work.resolve(name));
		}

		void start() throws Exception {
			String java = ProcessHandle.current().info().command().orElse("java");
			var command = new ArrayList<>(List.of(java, "-Xmx384m", "-XX:TieredStopAtLevel=1", "-jar",
					JAR.toAbsolutePath().toString(), "--server.port=" + port, "--veche.data-dir=" + dataDir,
					"--spring.datasource.url=" + databaseUrl, "--veche.demo-content=false",
					"--spring.mail.host=127.0.0.1", "--spring.mail.port=" + TestMail.smtpPort(),
					"--veche.base-url=http://127.0.0.1:" + front, "--veche.moderation.hold-first-comment=false",
					"--veche.moderation.hold-links=0", "--veche.moderation.raid-size=0",
					"--veche.moderation.surge.size=0", "--veche.publishing.schedule-check=PT1S",
					"--veche.notification.poll=PT1S", "--spring.datasource.hikari.maximum-pool-size=6"));
			var builder = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("node.log").toFile()));
			builder.environment().put("VECHE_ADMIN_EMAIL", ADMIN);
			builder.environment().put("VECHE_ADMIN_PASSWORD", PASSWORD);
			process = builder.start();
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
			while (System.nanoTime() < deadline) {
				if (!process.isAlive()) {
					throw new AssertionError(name + " exited: see " + dataDir.resolve("node.log"));
				}
				try {
					if (http().get("/actuator/health").status() == 200) {
						return;
					}
				}
				catch (RuntimeException notYet) {
					// not listening yet
				}
				Thread.sleep(500);
			}
			throw new AssertionError(name + " did not start within 3 minutes: see " + dataDir.resolve("node.log"));
		}

		Http http() {
			return new Http(port);
		}

		void kill() throws InterruptedException {
			if (process != null && process.isAlive()) {
				process.destroyForcibly(); // SIGKILL: no shutdown hook, no graceful
											// anything
				process.waitFor(30, TimeUnit.SECONDS);
			}
		}

	}

	@BeforeAll
	void startCluster() throws Exception {
		Assumptions.assumeTrue(TestDatabase.postgresql(),
				"TwoNodesIT runs in the PostgreSQL pass only (set VECHE_TEST_POSTGRES_URL)");
		Assumptions.assumeTrue(Files.isExecutable(NGINX), "TwoNodesIT needs Debian's nginx at /usr/sbin/nginx");
		Assumptions.assumeTrue(Files.isRegularFile(JAR),
				"TwoNodesIT needs target/veche.jar (failsafe runs after package)");
		databaseUrl = TestDatabase.newPostgresDatabaseUrlIfAvailable();
		Assumptions.assumeTrue(databaseUrl != null, "VECHE_TEST_POSTGRES_URL is unset");
		work = Files.createTempDirectory("veche-two-nodes-");
		front = freePort();
		a = new Node("a");
		b = new Node("b");
		// one after the other: the first start migrates (Flyway's lock would make the
		// second wait anyway) and makes the first administrator
		a.start();
		b.start();
		startNginx();
	}

	@AfterAll
	void stopCluster() throws Exception {
		if (nginx != null) {
			nginx.destroy();
			nginx.waitFor(10, TimeUnit.SECONDS);
		}
		for (Node node : new Node[] { a, b }) {
			if (node != null) {
				node.kill();
			}
		}
	}

	private void startNginx() throws Exception {
		Path prefix = Files.createDirectories(work.resolve("nginx"));
		Files.createDirectories(prefix.resolve("logs"));
		String config = Files.readString(Path.of("docs/nginx/veche.conf"))
			.replace("server 127.0.0.1:8081", "server 127.0.0.1:" + a.port)
			.replace("server 127.0.0.1:8082", "server 127.0.0.1:" + b.port)
			.replace("listen 80;", "listen 127.0.0.1:" + front + ";");
		String main = """
				daemon off;
				worker_processes 1;
				pid %1$s/nginx.pid;
				error_log %1$s/logs/error.log warn;
				events { worker_connections 1024; }
				http {
				  access_log off;
				  client_body_temp_path %1$s/body;
				  proxy_temp_path %1$s/proxy;
				  fastcgi_temp_path %1$s/fastcgi;
				  uwsgi_temp_path %1$s/uwsgi;
				  scgi_temp_path %1$s/scgi;
				  %2$s
				}
				""".formatted(prefix, config);
		Path conf = prefix.resolve("nginx.conf");
		Files.writeString(conf, main);
		nginx = new ProcessBuilder(NGINX.toString(), "-p", prefix.toString(), "-c", conf.toString())
			.redirectErrorStream(true)
			.redirectOutput(prefix.resolve("logs/stdout.log").toFile())
			.start();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
		while (System.nanoTime() < deadline) {
			try {
				if (front().get("/actuator/health").status() == 200) {
					return;
				}
			}
			catch (RuntimeException notYet) {
				// not listening yet
			}
			Thread.sleep(200);
		}
		throw new AssertionError("nginx did not start: " + Files.readString(prefix.resolve("logs/stdout.log")));
	}

	private Http front() {
		return new Http(front);
	}

	private String token() {
		var response = front().postJson("/api/v1/auth/token", Map.of("email", ADMIN, "password", PASSWORD));
		assertThat(response.status()).as("token: %s", response).isEqualTo(200);
		return response.json().get("token").asString();
	}

	private String article(String title) {
		var response = front().bearer(token())
			.postJson("/api/v1/articles", Map.of("title", title, "lead", "Lead of " + title, "body", "Body of " + title,
					"tags", List.of("cluster"), "status", "published"));
		assertThat(response.status()).as("article: %s", response).isEqualTo(201);
		return response.json().get("slug").asString();
	}

	private long articleId(String slug) {
		return front().get("/api/v1/articles/" + slug).json().get("id").asLong();
	}

	private Http.Response comment(Http via, String slug, String address, String email, String body) {
		var payload = new HashMap<String, Object>();
		payload.put("author", Map.of("name", "Reader", "email", email));
		payload.put("body", body);
		return via.from(address).postJson("/api/v1/articles/" + slug + "/comments", payload);
	}

	private String address() {
		int n = sequence.incrementAndGet();
		return "10.9." + (n >> 8 & 255) + "." + (n & 255);
	}

	@Test
	@Order(1)
	void aLiveReaderOnOneNodeHearsACommentPostedOnTheOtherWithinOneSecond() throws Exception {
		String slug = article("Live across nodes");
		long id = articleId(slug);
		try (var stream = EventStream.open(b.http().url("/live/articles/" + id), Map.of())) {
			Thread.sleep(500); // the stream is open on node B
			long posted = System.nanoTime();
			var answer = comment(a.http(), slug, address(), "live@example.org", "Heard on the other node");
			assertThat(answer.status()).as("%s", answer).isEqualTo(201);
			var event = stream.next("comment", Duration.ofSeconds(1));
			long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - posted);
			assertThat(event.data()).contains("Heard on the other node");
			System.out
				.println("TwoNodesIT: comment posted on A reached a reader on B in " + took + " ms (post included)");
		}
		// and through nginx, whichever node each request reaches
		try (var stream = EventStream.open(front().url("/live/articles/" + id), Map.of())) {
			Thread.sleep(500);
			for (int i = 0; i < 2; i++) {
				assertThat(
						comment(front(), slug, address(), "live" + i + "@example.org", "Through nginx " + i).status())
					.isEqualTo(201);
				assertThat(stream.next("comment", Duration.ofSeconds(1)).data()).contains("Through nginx " + i);
			}
		}
	}

	@Test
	@Order(1)
	void aGuestsKeptPageOnOneNodeShowsACommentPostedOnTheOtherWithinOneSecond() throws Exception {
		String slug = article("Kept pages across nodes");
		var before = b.http().with("Accept", "text/html").get("/articles/" + slug);
		assertThat(before.status()).isEqualTo(200);
		// a second view is the kept copy, built before the comment
		assertThat(b.http().with("Accept", "text/html").get("/articles/" + slug).body()).doesNotContain("Kept on B");
		assertThat(comment(a.http(), slug, address(), "kept@example.org", "Kept on B, posted on A").status())
			.isEqualTo(201);
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
		String page;
		do {
			page = b.http().with("Accept", "text/html").get("/articles/" + slug).body();
		}
		while (!page.contains("Kept on B, posted on A") && System.nanoTime() < deadline);
		assertThat(page).as("node B's guests see the comment posted on node A").contains("Kept on B, posted on A");
	}

	@Test
	@Order(2)
	void aSignInHoldsOnBothNodes() {
		var session = BrowserSession.signIn(front(), ADMIN, PASSWORD);
		// round-robin: six requests reach both nodes, each must know the session
		for (int i = 0; i < 6; i++) {
			var page = session.get("/account");
			assertThat(page.status()).as("request %d through nginx", i).isEqualTo(200);
		}
		String cookie = "veche_session=" + session.cookie("veche_session");
		for (Node node : List.of(a, b)) {
			var page = node.http().with("Accept", "text/html").with("Cookie", cookie).get("/account");
			assertThat(page.status()).as("node %s", node.name).isEqualTo(200);
			// a form posted to one node with the token another node rendered
			String token = BrowserSession.csrfToken(page.html());
			Node other = node == a ? b : a;
			var out = other.http().with("Cookie", cookie).postForm("/account/notifications", Map.of("_csrf", token));
			assertThat(out.status()).as("the CSRF token of %s on the other node", node.name).isNotEqualTo(403);
		}
	}

	@Test
	@Order(3)
	void theFloodLimitHoldsAcrossNodes() {
		String slug = article("Flood across nodes");
		String address = address();
		assertThat(comment(a.http(), slug, address, "flood@example.org", "First, on A").status()).isEqualTo(201);
		var second = comment(b.http(), slug, address, "flood@example.org", "Second, on B at once");
		assertThat(second.status()).as("%s", second).isEqualTo(429);
	}

	@Test
	@Order(3)
	void theReadersAddressReachesTheNodesThroughNginxSoTheFloodLimitCountsReadersNotTheProxy() {
		String slug = article("Addresses through nginx");
		String reader = address();
		// nginx appends its peer's address to X-Forwarded-For; each node must take the
		// reader's, not nginx's
		assertThat(comment(front(), slug, reader, "first-reader@example.org", "From the first reader").status())
			.isEqualTo(201);
		for (int i = 0; i < 2; i++) {
			var other = comment(front(), slug, address(), "other-reader" + i + "@example.org",
					"From another reader " + i);
			assertThat(other.status()).as("another address through the same nginx: %s", other).isEqualTo(201);
		}
		// the first reader again, under another e-mail: the address alone is limited, on
		// whichever node it lands
		for (int i = 0; i < 2; i++) {
			var again = comment(front(), slug, reader, "first-reader-again" + i + "@example.org", "Again " + i);
			assertThat(again.status()).as("the same address through nginx: %s", again).isEqualTo(429);
		}
	}

	@Test
	@Order(4)
	void oneEventMakesOneMailWhenBothNodesRunTheOutboxAndTheSchedule() throws Exception {
		String email = "follower" + sequence.incrementAndGet() + "@example.org";
		var answer = front().postForm("/notifications/articles", Map.of("email", email, "cadence", "instant"));
		assertThat(answer.status()).isEqualTo(200);
		var confirmation = TestMail.awaitMessage(email, 1);
		String link = TestMail.linkTo(confirmation, "/notifications/confirm/");
		assertThat(front().postForm(link, Map.of()).status()).as("confirmed through nginx").isEqualTo(200);
		// a scheduled article: both nodes run the schedule check every second, both
		// outboxes poll every second
		var scheduled = front().bearer(token())
			.postJson("/api/v1/articles",
					Map.of("title", "Scheduled across nodes", "lead", "Later", "body", "Body", "tags",
							List.of("cluster"), "status", "scheduled", "publishAt",
							Instant.now().plusSeconds(2).toString()));
		assertThat(scheduled.status()).as("%s", scheduled).isEqualTo(201);
		var mail = TestMail.awaitMessage(email, 2);
		assertThat(TestMail.subject(mail)).contains("Scheduled across nodes");
		Thread.sleep(5_000);
		assertThat(TestMail.to(email)).as("one confirmation and one announcement, nothing twice").hasSize(2);
	}

	@Test
	@Order(5)
	void aPhotoUploadedOnOneNodeIsServedByTheOther() throws Exception {
		String slug = article("Photo across nodes");
		var image = new java.awt.image.BufferedImage(640, 480, java.awt.image.BufferedImage.TYPE_INT_RGB);
		var out = new java.io.ByteArrayOutputStream();
		javax.imageio.ImageIO.write(image, "jpeg", out);
		var upload = a.http()
			.bearer(token())
			.postMultipart("/api/v1/articles/" + slug + "/photos",
					Map.of("file", new Http.FilePart("photo.jpg", "image/jpeg", out.toByteArray()), "alt", "a photo"));
		assertThat(upload.status()).as("%s", upload).isEqualTo(201);
		var page = b.http().with("Accept", "text/html").get("/articles/" + slug).html();
		String src = page.selectFirst("figure img").attr("src");
		assertThat(src).startsWith("/media/");
		var served = b.http().get(src);
		assertThat(served.status()).as("node B serves %s", src).isEqualTo(200);
		assertThat(served.header("Cache-Control")).contains("immutable");
		assertThat(served.header("ETag")).isNotBlank();
	}

	@Test
	@Order(6)
	void killingANodeWhileSixteenWritersPostLosesNoAcknowledgedCommentAndItRejoins() throws Exception {
		String slug = article("Killed mid-write");
		Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
		var stop = new AtomicBoolean();
		var failures = new AtomicInteger();
		int afterTheKill;
		try (var writers = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int w = 0; w < 16; w++) {
				int writer = w;
				writers.submit(() -> {
					int n = 0;
					while (!stop.get()) {
						// a new address and e-mail for each post, so that the flood limit
						// never refuses one
						var answer = comment(front(), slug, address(), "writer" + writer + "-" + n + "@example.org",
								"Writer " + writer + " post " + n++);
						if (answer.status() == 201 || answer.status() == 202) {
							acknowledged.add(answer.json().get("id").asLong());
						}
						else {
							failures.incrementAndGet();
						}
						Thread.sleep(200);
					}
					return null;
				});
			}
			Thread.sleep(3_000);
			a.kill();
			int beforeTheKill = acknowledged.size();
			Thread.sleep(4_000);
			stop.set(true);
			afterTheKill = acknowledged.size() - beforeTheKill;
		}
		assertThat(acknowledged).as("comments acknowledged while A was killed").isNotEmpty();
		assertThat(afterTheKill).as("comments acknowledged through nginx after A was killed").isPositive();
		var stored = new java.util.HashSet<Long>();
		try (Connection db = DriverManager.getConnection(databaseUrl);
				ResultSet rs = db.createStatement().executeQuery("SELECT id FROM comment")) {
			while (rs.next()) {
				stored.add(rs.getLong(1));
			}
		}
		assertThat(stored).as("every acknowledged comment is in the database").containsAll(acknowledged);
		assertThat(b.http().get("/articles/" + slug).status()).as("node B keeps serving").isEqualTo(200);
		for (int i = 0; i < 4; i++) {
			assertThat(front().get("/api/v1/articles/" + slug).status()).as("nginx with A down").isEqualTo(200);
		}
		a.start();
		assertThat(a.http().get("/api/v1/articles/" + slug).status()).as("A rejoined").isEqualTo(200);
		// A is in the cluster again, not only up: it hears what B tells
		try (var stream = EventStream.open(a.http().url("/live/articles/" + articleId(slug)), Map.of())) {
			Thread.sleep(500);
			var answer = comment(b.http(), slug, address(), "after-restart@example.org", "Told by B after A came back");
			assertThat(answer.status()).as("%s", answer).isEqualTo(201);
			assertThat(stream.next("comment", Duration.ofSeconds(1)).data()).contains("Told by B after A came back");
		}
		System.out.println("TwoNodesIT: " + acknowledged.size() + " comments acknowledged, " + failures.get()
				+ " refused or cut while A died");
	}

	private static int freePort() throws IOException {
		try (var socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
