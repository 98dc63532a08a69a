package org.veche.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.veche.support.Http;
import org.veche.support.TestDatabase;

/**
 * A mixed load on target/veche.jar in its own JVM: readers of pages and feeds, comment
 * posts, likes, live streams opened and dropped, sign-ins for tokens. No request may
 * fail, and once the load stops the server's threads and open connections are back where
 * they were after the warm-up (no leak). Heap after a full GC and the resident set are
 * printed after the warm-up and at the end. {@code -Dveche.soak.duration} (60s by
 * default; bench/soak.sh runs 30 minutes).
 */
class SoakIT {

	private static final String EMAIL = ServerProcess.ADMIN_EMAIL;

	private static final String PASSWORD = ServerProcess.ADMIN_PASSWORD;

	record Sample(long threads, long sockets, long heapKb, long rssKb) {
	}

	@Test
	void aMixedLoadLeavesNoErrorAndNoLeak() throws Exception {
		Assumptions.assumeTrue(ServerProcess.jarBuilt(), "target/veche.jar is not built (failsafe runs after package)");
		Duration duration = Duration.parse("PT" + System.getProperty("veche.soak.duration", "60s").toUpperCase());
		Duration warmUp = duration.compareTo(Duration.ofMinutes(5)) > 0 ? Duration.ofMinutes(2)
				: Duration.ofSeconds(15);
		Path data = Files.createTempDirectory("veche-soak-");
		try (ServerProcess server = ServerProcess.start(data, TestDatabase.newDatabaseUrl(data), List.of())) {
			var errors = new ConcurrentLinkedQueue<String>();
			var counts = new ConcurrentHashMap<String, LongAdder>();
			var running = new AtomicBoolean(true);
			var sequence = new AtomicInteger();
			var client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
			var articles = server.publish(5);
			List<String> slugs = articles.stream().map(Map.Entry::getKey).toList();
			List<Long> ids = articles.stream().map(Map.Entry::getValue).toList();
			assertThat(slugs).isNotEmpty();
			Sample warm = null;
			try (var load = Executors.newVirtualThreadPerTaskExecutor()) {
				Runnable[] kinds = {
						() -> expect(errors, counts, "page", get(client, server.url("/articles/" + pick(slugs))), 200),
						() -> expect(errors, counts, "front", get(client, server.url("/")), 200),
						() -> expect(errors, counts, "feed", get(client, server.url("/feed")), 200),
						() -> expect(errors, counts, "comments-feed", get(client, server.url("/comments/feed")), 200),
						() -> {
							int n = sequence.incrementAndGet();
							var posted = post(client, server.url("/api/v1/articles/" + pick(slugs) + "/comments"),
									"{\"author\":{\"name\":\"Soak " + n + "\",\"email\":\"soak" + n
											+ "@example.org\"},\"body\":\"Soak comment " + n + "\"}",
									"10." + (n >> 16 & 255) + "." + (n >> 8 & 255) + "." + (n & 255));
							expect(errors, counts, "post", posted, 201, 202);
							if (posted.statusCode() == 201) {
								long id = Http.JSON.readTree(posted.body()).get("id").asLong();
								expect(errors, counts, "like",
										post(client, server.url("/api/v1/comments/" + id + "/like"), "{}",
												"10.200." + (n >> 8 & 255) + "." + (n & 255)),
										200);
							}
						},
						() -> expect(errors, counts, "token",
								post(client, server.url("/api/v1/auth/token"),
										"{\"email\":\"" + EMAIL + "\",\"password\":\"" + PASSWORD + "\"}",
										"10.201." + ThreadLocalRandom.current().nextInt(256) + "."
												+ ThreadLocalRandom.current().nextInt(256)),
								200),
						() -> live(client,
								server
									.url("/live/articles/" + ids.get(ThreadLocalRandom.current().nextInt(ids.size()))),
								errors, counts) };
				for (int worker = 0; worker < 12; worker++) {
					int mine = worker;
					load.submit(() -> {
						while (running.get()) {
							try {
								kinds[(mine + ThreadLocalRandom.current().nextInt(kinds.length)) % kinds.length].run();
							}
							catch (RuntimeException ex) {
								errors.add(ex.toString());
							}
						}
						return null;
					});
				}
				Thread.sleep(warmUp.toMillis());
				warm = sample(server);
				System.out.println("soak after warm-up: " + warm);
				Thread.sleep(Math.max(0, duration.minus(warmUp).toMillis()));
				running.set(false);
			}
			client.close();
			Thread.sleep(5_000); // keep-alive connections the client dropped are closed
									// by now
			Sample end = sample(server);
			System.out.println("soak at the end: " + end + ", requests " + counts + ", errors " + errors.size());
			assertThat(errors).as("failed requests").isEmpty();
			assertThat(counts.keySet()).contains("page", "post", "like", "token", "live", "feed");
			assertThat(end.threads()).as("server threads after the load (after warm-up: %d)", warm.threads())
				.isLessThanOrEqualTo(warm.threads() + 10);
			// on PostgreSQL every pooled connection is a socket, and the pool (at most 8)
			// may still be filling after a short warm-up; a leak grows past that over the
			// full-length run
			int poolGrowth = TestDatabase.postgresql() ? 8 : 0;
			assertThat(end.sockets()).as("server sockets after the load (after warm-up: %d)", warm.sockets())
				.isLessThanOrEqualTo(warm.sockets() + 5 + poolGrowth);
		}
	}

	private static String pick(List<String> values) {
		return values.get(ThreadLocalRandom.current().nextInt(values.size()));
	}

	private static void expect(ConcurrentLinkedQueue<String> errors, Map<String, LongAdder> counts, String kind,
			HttpResponse<String> response, int... statuses) {
		counts.computeIfAbsent(kind, k -> new LongAdder()).increment();
		for (int status : statuses) {
			if (response.statusCode() == status) {
				return;
			}
		}
		errors.add(kind + " " + response.uri() + " -> " + response.statusCode() + " "
				+ response.body().substring(0, Math.min(200, response.body().length())));
	}

	/**
	 * Opens a live stream, reads it for a moment (the first heartbeat or frames) and
	 * drops it.
	 */
	private static void live(HttpClient client, String url, ConcurrentLinkedQueue<String> errors,
			Map<String, LongAdder> counts) {
		counts.computeIfAbsent("live", k -> new LongAdder()).increment();
		try {
			HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(URI.create(url))
				.header("Accept", "text/event-stream")
				.timeout(Duration.ofSeconds(10))
				.build(), HttpResponse.BodyHandlers.ofInputStream());
			try (InputStream body = response.body()) {
				if (response.statusCode() != 200) {
					errors.add("live " + url + " -> " + response.statusCode());
					return;
				}
				long until = System.nanoTime()
						+ Duration.ofMillis(ThreadLocalRandom.current().nextInt(200, 2_000)).toNanos();
				byte[] buffer = new byte[4096];
				while (System.nanoTime() < until && body.available() >= 0) {
					if (body.available() > 0) {
						body.read(buffer);
					}
					else {
						Thread.sleep(50);
					}
				}
			}
		}
		catch (IOException ex) {
			errors.add("live " + url + " -> " + ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static HttpResponse<String> get(HttpClient client, String url) {
		return send(client, HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").GET());
	}

	private static HttpResponse<String> post(HttpClient client, String url, String json, String address) {
		return send(client,
				HttpRequest.newBuilder(URI.create(url))
					.header("Content-Type", "application/json")
					.header("X-Forwarded-For", address)
					.POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	private static HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) {
		try {
			return client.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Threads and sockets from /proc; heap used after a full GC (jcmd) and the resident
	 * set.
	 */
	private static Sample sample(ServerProcess server) throws IOException, InterruptedException {
		long pid = server.pid();
		String status = Files.readString(Path.of("/proc", String.valueOf(pid), "status"));
		long threads = field(status, "Threads:");
		long rss = field(status, "VmRSS:");
		long sockets = 0;
		try (var fds = Files.list(Path.of("/proc", String.valueOf(pid), "fd"))) {
			for (Path fd : fds.toList()) {
				try {
					if (Files.readSymbolicLink(fd).toString().startsWith("socket:")) {
						sockets++;
					}
				}
				catch (IOException gone) {
					// closed while listed
				}
			}
		}
		long heap = -1;
		Path jcmd = Path.of(ProcessHandle.current().info().command().orElse("java")).resolveSibling("jcmd");
		if (Files.isExecutable(jcmd)) {
			new ProcessBuilder(jcmd.toString(), String.valueOf(pid), "GC.run").redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start()
				.waitFor();
			var info = new ProcessBuilder(jcmd.toString(), String.valueOf(pid), "GC.heap_info")
				.redirectErrorStream(true)
				.start();
			String text = new String(info.getInputStream().readAllBytes());
			info.waitFor();
			var matcher = java.util.regex.Pattern.compile("used (\\d+)K").matcher(text);
			if (matcher.find()) {
				heap = Long.parseLong(matcher.group(1));
			}
		}
		return new Sample(threads, sockets, heap, rss);
	}

	private static long field(String status, String name) {
		return status.lines()
			.filter(l -> l.startsWith(name))
			.map(l -> l.substring(name.length()).strip().split("\\s+")[0])
			.mapToLong(Long::parseLong)
			.findFirst()
			.orElse(-1);
	}

}
