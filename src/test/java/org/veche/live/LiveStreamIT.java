package org.veche.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import org.veche.discussion.CommentPosted;
import org.veche.discussion.CommentStatus;
import org.veche.discussion.Discussions;
import org.veche.identity.Role;
import org.veche.support.IntegrationTest;

/**
 * The stream an open article page listens to: it carries approved comments, likes,
 * approvals and removals, never a held comment, picks up where a reconnecting reader left
 * off, and makes no session.
 */
class LiveStreamIT extends IntegrationTest {

	private static final Duration WAIT = Duration.ofSeconds(5);

	@Autowired
	private DSLContext db;

	@Autowired
	private ApplicationEventPublisher events;

	@Autowired
	private TransactionTemplate transactions;

	@Autowired
	private Discussions discussions;

	private record Opened(long articleId, String slug, String since) {
	}

	private Opened openArticle(String title) {
		String slug = publishArticle(tokenFor(Role.EDITOR), title + " " + unique());
		var thread = http.get("/articles/" + slug).html().selectFirst("div.thread");
		return new Opened(Long.parseLong(thread.attr("data-article")), slug, thread.attr("data-live-since"));
	}

	private EventStream stream(Opened article, Map<String, String> headers) {
		return EventStream.open(http.url("/live/articles/" + article.articleId() + "?since=" + article.since()),
				headers);
	}

	/**
	 * A comment as moderation's screening leaves it: stored as held, announced with that
	 * status.
	 */
	private long postHeld(long articleId, String body) {
		return transactions.execute(tx -> {
			long id = db.insertInto(org.jooq.impl.DSL.table("comment"))
				.columns(org.jooq.impl.DSL.field("article_id"), org.jooq.impl.DSL.field("depth"),
						org.jooq.impl.DSL.field("author_name"), org.jooq.impl.DSL.field("author_email"),
						org.jooq.impl.DSL.field("body"), org.jooq.impl.DSL.field("body_html"),
						org.jooq.impl.DSL.field("status"), org.jooq.impl.DSL.field("created_at"),
						org.jooq.impl.DSL.field("likes"))
				.values(articleId, 0, "Held reader", "held" + unique() + "@example.org", body, "<p>" + body + "</p>",
						CommentStatus.PENDING.name(), Instant.now().toEpochMilli(), 0)
				.returningResult(org.jooq.impl.DSL.field("id", Long.class))
				.fetchOne()
				.value1();
			events.publishEvent(new CommentPosted(id, articleId, null, CommentStatus.PENDING));
			return id;
		});
	}

	/**
	 * A moderator's decision, through the discussion's own method (it publishes
	 * CommentStatusChanged).
	 */
	private void changeStatus(long commentId, CommentStatus to) {
		assertThat(discussions.changeStatus(commentId, to)).isPresent();
	}

	@Test
	void anApprovedCommentIsSentAndAHeldOneIsNot() throws Exception {
		Opened article = openArticle("Live stream");
		try (EventStream stream = stream(article, Map.of())) {
			assertThat(stream.status()).isEqualTo(200);
			assertThat(stream.header("Content-Type")).startsWith("text/event-stream");
			assertThat(stream.headers("Set-Cookie")).as("the stream makes no session").isEmpty();

			long held = postHeld(article.articleId(), "Held back " + unique());
			long approved = postComment(article.slug(), null, "Marta", "Seen by everyone " + unique()).get("id")
				.asLong();
			// frames go out in order: had the held one been sent, it would come first
			EventStream.Event first = stream.next("comment", WAIT);
			assertThat(first.json().get("id").asLong()).isEqualTo(approved);
			assertThat(first.json().get("html").asString()).contains("Seen by everyone")
				.contains("id=\"comment-" + approved + "\"")
				.doesNotContain("Held back");
			assertThat(first.id()).matches("[0-9a-z]+-[0-9]+");

			// a moderator approves the held comment: now it goes out; then removes it: it
			// is taken off
			changeStatus(held, CommentStatus.APPROVED);
			assertThat(stream.next("comment", WAIT).json().get("id").asLong()).isEqualTo(held);
			changeStatus(held, CommentStatus.TRASH);
			assertThat(stream.next("hide", WAIT).json().get("id").asLong()).isEqualTo(held);

			var like = http.from(newAddress()).postJson("/api/v1/comments/" + approved + "/like", Map.of());
			assertThat(like.status()).as("%s", like).isEqualTo(200);
			var likes = stream.next("likes", WAIT).json();
			assertThat(likes.get("id").asLong()).isEqualTo(approved);
			assertThat(likes.get("likes").asInt()).isEqualTo(1);
		}
	}

	@Test
	void aReaderWhoReconnectsGetsWhatItMissedAndAStaleOneIsToldToResync() throws Exception {
		Opened article = openArticle("Reconnect");
		String firstId;
		try (EventStream stream = stream(article, Map.of())) {
			postComment(article.slug(), null, "One", "First " + unique());
			firstId = stream.next("comment", WAIT).id();
		}
		long second = postComment(article.slug(), null, "Two", "Second " + unique()).get("id").asLong();
		// the browser reconnects with the id of the last event it saw
		try (EventStream again = stream(article, Map.of("Last-Event-ID", firstId))) {
			EventStream.Event missed = again.next("comment", WAIT);
			assertThat(missed.json().get("id").asLong()).isEqualTo(second);
		}
		// an id from before a restart: the server cannot know what was missed
		try (EventStream stale = stream(article, Map.of("Last-Event-ID", "oldboot-12"))) {
			assertThat(stale.next("resync", WAIT)).isNotNull();
		}
	}

	@Test
	void aPageRenderedJustBeforeACommentStillGetsIt() throws Exception {
		Opened article = openArticle("Race");
		// the comment lands between the page's render and the script's connection
		long between = postComment(article.slug(), null, "Quick", "In between " + unique()).get("id").asLong();
		try (EventStream stream = stream(article, Map.of())) {
			assertThat(stream.next("comment", WAIT).json().get("id").asLong()).isEqualTo(between);
		}
	}

	@Test
	void anUnpublishedArticleHasNoStream() throws Exception {
		var response = http.get("/live/articles/987654321");
		assertThat(response.status()).isEqualTo(404);
	}

}
