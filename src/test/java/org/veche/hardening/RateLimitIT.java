package org.veche.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.veche.identity.Role;
import org.veche.support.BrowserSession;
import org.veche.support.Http;
import org.veche.support.IntegrationTest;

/**
 * Every write is limited per network address (and per account): past the limit the site
 * answers 429 with Retry-After, as problem+json to the API and as a page in the reader's
 * language to a browser; and a flood of ten thousand requests from one address leaves the
 * site serving another reader every page it asks for.
 */
class RateLimitIT extends IntegrationTest {

	@Test
	void aFloodFromOneAddressLeavesReadingToEveryoneElse() throws Exception {
		String editor = tokenFor(Role.EDITOR);
		String title = "Flooded " + unique();
		String slug = publishArticle(editor, title);
		long comment = postComment(slug, null, "First", "Before the flood").get("id").asLong();
		String flooder = newAddress();
		String reader = newAddress();
		var statuses = new ConcurrentHashMap<Integer, AtomicInteger>();
		var sent = new AtomicInteger();
		var flooding = new AtomicBoolean(true);
		var readerFailures = new ArrayList<String>();
		int readerRequests;
		try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<?>> writers = new ArrayList<>();
			Http flood = http.from(flooder);
			for (int w = 0; w < 16; w++) {
				writers.add(pool.submit(() -> {
					for (int n; (n = sent.incrementAndGet()) <= 10_000;) {
						var response = switch (n % 4) {
							case 0 -> flood.postJson("/api/v1/articles/" + slug + "/comments", Map.of("author",
									Map.of("name", "Flood", "email", "flood@example.org"), "body", "flood " + n));
							case 1 -> flood.postJson("/api/v1/comments/" + comment + "/like", Map.of());
							case 2 -> flood.postForm("/articles/" + slug + "/comments",
									Map.of("author", "Flood", "email", "flood@example.org", "comment", "flood " + n));
							default -> flood.get("/articles/" + slug);
						};
						statuses.computeIfAbsent(response.status(), s -> new AtomicInteger()).incrementAndGet();
						if (response.status() == 429 && n % 4 != 2) { // the form answers
																		// its own page
							assertThat(response.header("Retry-After")).matches("[1-9][0-9]*");
						}
					}
				}));
			}
			Future<Integer> reading = pool.submit(() -> {
				int requests = 0;
				Http client = http.from(reader);
				while (flooding.get() || requests < 20) {
					for (String path : List.of("/", "/articles/" + slug, "/api/v1/articles/" + slug + "/comments")) {
						var response = client.get(path);
						requests++;
						if (response.status() != 200
								|| !response.body().contains(path.equals("/") ? title : "Before the flood")) {
							synchronized (readerFailures) {
								readerFailures.add(path + " -> " + response.status());
							}
						}
					}
				}
				return requests;
			});
			try {
				for (Future<?> writer : writers) {
					writer.get();
				}
			}
			finally {
				flooding.set(false);
			}
			readerRequests = reading.get();
		}
		assertThat(readerFailures).as("the other reader's failed requests").isEmpty();
		assertThat(readerRequests).isGreaterThanOrEqualTo(20);
		int refused = statuses.getOrDefault(429, new AtomicInteger()).get();
		// 7,500 of the flood are writes, past their limits from the first few dozen on;
		// its 2,500 page views are guests' kept pages, answered ahead of the limits for
		// the price of a lookup
		assertThat(refused).as("answers 429 of %s", statuses).isGreaterThan(7_400);
		assertThat(statuses.keySet()).as("no server error").allMatch(status -> status < 500);
	}

	@Test
	void pastTheLimitTheApiAnswersProblemJsonAndABrowserAPageInItsLanguage() {
		String slug = publishArticle(tokenFor(Role.EDITOR), "Limited " + unique());
		Http api = http.from(newAddress());
		Http.Response last = null;
		for (int i = 0; i < 25; i++) {
			last = api.postJson("/api/v1/articles/" + slug + "/comments",
					Map.of("author", Map.of("name", "Quick", "email", "quick" + i + "@example.org"), "body", "n " + i));
		}
		assertThat(last.status()).isEqualTo(429);
		assertThat(last.header("Content-Type")).startsWith("application/problem+json");
		assertThat(last.json().get("status").asInt()).isEqualTo(429);
		assertThat(Long.parseLong(last.header("Retry-After"))).isBetween(1L, 60L);

		Http browser = http.from(newAddress()).with("Accept", "text/html").with("Accept-Language", "ru");
		for (int i = 0; i < 25; i++) {
			last = browser.postForm("/articles/" + slug + "/comments",
					Map.of("author", "Быстрый", "email", "fast" + i + "@example.org", "comment", "n " + i));
		}
		assertThat(last.status()).isEqualTo(429);
		assertThat(last.header("Retry-After")).isNotNull();
		assertThat(last.html().text()).contains("Слишком много запросов");
	}

	@Test
	void aSignedInReaderIsLimitedPerAccountWhateverTheAddress() {
		String slug = publishArticle(tokenFor(Role.EDITOR), "Per account " + unique());
		String reader = tokenFor(Role.READER);
		int refused = 0;
		for (int i = 0; i < 24; i++) {
			var response = http.from(newAddress())
				.bearer(reader)
				.postJson("/api/v1/articles/" + slug + "/comments", Map.of("body", "From everywhere " + i));
			assertThat(response.status()).as("%s", response).isLessThan(500);
			// the request limit's answers (the discussion's own flood limit answers 429
			// too, without retryAfter)
			if (response.status() == 429 && response.json().has("retryAfter")) {
				refused++;
			}
		}
		assertThat(refused).as("comments past 20 a minute from one account on 24 addresses").isEqualTo(4);
	}

	@Test
	void signUpPasswordResetAndTokensAreLimitedToo() {
		Http from = http.from(newAddress());
		var browser = new BrowserSession(from);
		String token = BrowserSession.csrfToken(browser.get("/signup").html());
		int refusedSignUps = 0;
		for (int i = 0; i < 12; i++) {
			if (browser
				.postForm("/signup", Map.of("_csrf", token, "name", "N", "email", "n" + unique() + "@example.org",
						"password", "a long enough password " + i))
				.status() == 429) {
				refusedSignUps++;
			}
		}
		assertThat(refusedSignUps).as("sign-ups past 10 an hour").isEqualTo(2);
		int refusedTokens = 0;
		for (int i = 0; i < 32; i++) {
			if (from.postJson("/api/v1/auth/token", Map.of("email", "nobody@example.org", "password", "wrong"))
				.status() == 429) {
				refusedTokens++;
			}
		}
		assertThat(refusedTokens).as("token requests past 30 a minute").isGreaterThanOrEqualTo(2);
	}

}
