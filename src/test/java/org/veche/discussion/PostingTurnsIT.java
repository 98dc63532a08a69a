package org.veche.discussion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.event.TransactionalEventListener;
import org.veche.discussion.internal.PostingTurns;
import org.veche.support.Http;

/**
 * Comment posts take turns: never more at once than {@code veche.posting.concurrency},
 * counting what runs after the commit (outside SQLite's single writer, so only the turns
 * can bound it); a post that waits past {@code veche.posting.max-wait} is answered 503
 * with Retry-After, in the API's problem+json or the form again, and nothing of it is
 * stored.
 */
@Import(PostingTurnsIT.Watch.class)
@TestPropertySource(properties = { "veche.posting.concurrency=2", "veche.posting.max-wait=1500ms" })
class PostingTurnsIT extends DiscussionSupport {

	private static final String HOLD = "Hold the turn: ";

	private static final String BUSY = "So many comments are arriving just now that yours could not be taken. It has not been saved: please send it again in a few seconds.";

	/**
	 * Posts inside their turn just now (after their commit), and the most there ever were
	 * at once.
	 */
	private static final AtomicInteger inside = new AtomicInteger();

	private static final AtomicInteger most = new AtomicInteger();

	/**
	 * What a post whose text begins with {@link #HOLD} waits for before it lets its turn
	 * go.
	 */
	private static volatile CountDownLatch release = new CountDownLatch(0);

	@Autowired
	private PostingTurns turns;

	@TestConfiguration(proxyBeanMethods = false)
	static class Watch {

		@Bean
		TurnWatcher turnWatcher(CommentRecords records) {
			return new TurnWatcher(records);
		}

	}

	/**
	 * Runs after each comment's commit, still inside the post's turn, and takes a while
	 * there.
	 */
	static class TurnWatcher {

		private final CommentRecords records;

		TurnWatcher(CommentRecords records) {
			this.records = records;
		}

		@TransactionalEventListener(fallbackExecution = true)
		void on(CommentPosted posted) throws InterruptedException {
			most.accumulateAndGet(inside.incrementAndGet(), Math::max);
			try {
				boolean hold = records.comment(posted.commentId()).filter(c -> c.body().startsWith(HOLD)).isPresent();
				if (hold) {
					release.await(30, TimeUnit.SECONDS);
				}
				else {
					Thread.sleep(25);
				}
			}
			finally {
				inside.decrementAndGet();
			}
		}

	}

	@Test
	void neverMorePostsRunAtOnceThanTheSetting() throws Exception {
		assertThat(turns.concurrency()).isEqualTo(2);
		String slug = newArticle("Turns");
		comment(slug, null, "Warm", "The first post of a new server is slow");
		most.set(0);
		var statuses = new ArrayList<Integer>();
		try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
			var posts = new ArrayList<Future<Http.Response>>();
			for (int i = 0; i < 8; i++) {
				int n = i;
				posts.add(pool.submit(() -> postApi(slug, reply(null, "Reader " + n, newEmail(), null, "In turn " + n),
						newAddress())));
			}
			for (var post : posts) {
				statuses.add(post.get(60, TimeUnit.SECONDS).status());
			}
		}
		assertThat(statuses).containsOnly(201);
		// eight posts of at least 25 ms each, sent at once: without turns they would
		// overlap far beyond two
		assertThat(most.get()).isEqualTo(2);
		assertThat(total(slug)).isEqualTo(9);
	}

	@Test
	void aPostThatGetsNoTurnInTimeIs503WithRetryAfterAndIsNotStored() throws Exception {
		String slug = newArticle("No turn");
		release = new CountDownLatch(1);
		try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
			var holders = new ArrayList<Future<Http.Response>>();
			try {
				for (int i = 0; i < 2; i++) {
					int n = i;
					holders.add(pool.submit(
							() -> postApi(slug, reply(null, "Holder " + n, newEmail(), null, HOLD + n), newAddress())));
				}
				long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
				while (inside.get() < 2 && System.nanoTime() < deadline) {
					Thread.sleep(10);
				}
				assertThat(inside.get()).as("both turns taken").isEqualTo(2);

				var api = postApi(slug, reply(null, "Late", newEmail(), null, "Too late for the API"), newAddress());
				assertThat(assertProblem(api, 503)).isEqualTo(BUSY);
				assertThat(api.header("Retry-After")).isEqualTo("2");

				var script = http.from(newAddress())
					.with("Accept", "application/json")
					.postForm("/articles/" + slug + "/comments", form("Late", "Too late for the script"));
				assertThat(assertProblem(script, 503)).isEqualTo(BUSY);
				assertThat(script.header("Retry-After")).isEqualTo("2");

				var browser = http.from(newAddress())
					.postForm("/articles/" + slug + "/comments", form("Late", "Too late for the form"));
				assertThat(browser.status()).isEqualTo(503);
				assertThat(browser.header("Retry-After")).isEqualTo("2");
				assertThat(browser.header("Content-Type")).startsWith("text/html");
				var page = browser.html();
				assertThat(page.text()).contains(BUSY);
				// the form comes back with what was typed, to be sent again
				assertThat(page.selectFirst("textarea[name=comment]").text()).isEqualTo("Too late for the form");
			}
			finally {
				release.countDown();
			}
			for (var holder : holders) {
				assertThat(holder.get(60, TimeUnit.SECONDS).status()).isEqualTo(201);
			}
		}
		var stored = http.get("/api/v1/articles/" + slug + "/comments").json();
		var bodies = new ArrayList<String>();
		stored.get("comments").forEach(c -> bodies.add(c.get("html").asString()));
		assertThat(stored.get("total").asInt()).isEqualTo(2);
		assertThat(String.join("\n", bodies)).contains(HOLD + "0", HOLD + "1").doesNotContain("Too late");
	}

	private static Map<String, String> form(String author, String comment) {
		var fields = new LinkedHashMap<String, String>();
		fields.put("author", author);
		fields.put("email", newEmail());
		fields.put("url", "");
		fields.put("comment", comment);
		fields.put("comment_parent", "");
		return fields;
	}

}
