package org.veche.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import org.veche.discussion.CommentNotificationsRequested;
import org.veche.discussion.CommentPosted;
import org.veche.discussion.CommentStatus;
import org.veche.discussion.CommentStatusChanged;
import org.veche.identity.Role;
import org.veche.support.BrowserSession;
import org.veche.support.TestMail;

/**
 * Nothing reaches readers about a comment that is not approved: a held reply is announced when a moderator
 * approves it, and a held comment's "notify me" waits for that too. Moderators who asked hear of held comments.
 * The comment is held here as the moderation module holds one: stored as pending, CommentPosted published with
 * that status, and CommentStatusChanged when it is approved, each in its transaction.
 */
class HeldCommentsIT extends NotificationSupport {

	@Autowired
	private ApplicationEventPublisher events;

	@Autowired
	private TransactionTemplate transactions;

	private long articleId(String slug) {
		return http.get("/api/v1/articles/" + slug).json().get("id").asLong();
	}

	private long hold(long articleId, Long parentId, String name, String email, String body) {
		return transactions.execute(status -> {
			long id = db.insertInto(DSL.table("comment"))
				.set(DSL.field("article_id"), articleId)
				.set(DSL.field("parent_id"), parentId)
				.set(DSL.field("depth"), parentId == null ? 0 : 1)
				.set(DSL.field("author_name"), name)
				.set(DSL.field("author_email"), email)
				.set(DSL.field("body"), body)
				.set(DSL.field("body_html"), "<p>" + body + "</p>")
				.set(DSL.field("status"), CommentStatus.PENDING.name())
				.set(DSL.field("created_at"), System.currentTimeMillis())
				.returningResult(DSL.field("id", Long.class))
				.fetchOne(0, Long.class);
			events.publishEvent(new CommentPosted(id, articleId, parentId, CommentStatus.PENDING));
			return id;
		});
	}

	private void approve(long commentId, long articleId, Long parentId) {
		transactions.executeWithoutResult(status -> {
			db.update(DSL.table("comment")).set(DSL.field("status"), CommentStatus.APPROVED.name())
				.where(DSL.field("id").eq(commentId)).execute();
			events.publishEvent(new CommentStatusChanged(commentId, articleId, parentId, CommentStatus.PENDING,
					CommentStatus.APPROVED));
		});
	}

	@Test
	void aHeldReplyIsAnnouncedOnlyOnceApprovedAndModeratorsWhoAskedHearOfItAtOnce() throws Exception {
		String moderator = newEmail("moderator");
		identity.createAccount(moderator, "moderator password 1", "Moderator", Role.MODERATOR);
		var session = BrowserSession.signIn(http.from(newAddress()), moderator, "moderator password 1");
		String manage = session.get("/account/notifications").header("Location").replaceFirst("^https?://[^/]+", "");
		var page = session.get(manage);
		assertThat(page.html().select("input[name=add][value=held]")).as("offered to moderators").hasSize(1);
		var added = session.postForm(manage, Map.of("add", "held", "cadence", "instant", "_csrf",
				BrowserSession.csrfToken(page.html())));
		assertThat(added.status()).isEqualTo(302);

		String slug = newArticle("Held");
		long article = articleId(slug);
		String email = newEmail("author");
		long mine = postByForm(slug, null, "Author", email, "Watch my comment", true, false);
		confirm(TestMail.awaitMessage(email, 1));
		String heldEmail = newEmail("held");

		long held = hold(article, mine, "Held Replier", heldEmail, "A reply that waits");
		transactions.executeWithoutResult(status -> events.publishEvent(
				new CommentNotificationsRequested(held, article, heldEmail, null, true, false)));

		var alert = TestMail.awaitMessage(moderator, 1);
		assertThat(TestMail.subject(alert)).startsWith("A comment waits for moderation on \u201cHeld");
		assertThat(TestMail.text(alert)).contains("A reply that waits").contains("Held Replier");
		awaitOutboxEmpty();
		assertThat(queuedFor(email)).as("the subscriber hears nothing yet").hasSize(1);
		assertThat(queuedFor(heldEmail)).as("not even a confirmation for the held comment's author").isEmpty();

		approve(held, article, mine);

		var notice = TestMail.awaitMessage(email, 2);
		assertThat(TestMail.subject(notice)).startsWith("New reply to your comment on \u201cHeld");
		assertThat(TestMail.text(notice)).contains("A reply that waits");
		assertThat(TestMail.subject(TestMail.awaitMessage(heldEmail, 1))).isEqualTo("Confirm your notifications from Veche");
	}

	@Test
	void readersAreNotOfferedModeratorMailAndCannotAddIt() {
		String reader = newEmail("plain");
		identity.createAccount(reader, "reader password 12", "Reader", Role.READER);
		var session = BrowserSession.signIn(http.from(newAddress()), reader, "reader password 12");
		String manage = session.get("/account/notifications").header("Location").replaceFirst("^https?://[^/]+", "");
		var page = session.get(manage);
		assertThat(page.html().select("input[name=add][value=held]")).isEmpty();
		assertThat(page.html().select("input[name=add][value=articles]")).hasSize(1);

		var refused = session.postForm(manage, Map.of("add", "held", "cadence", "instant", "_csrf",
				BrowserSession.csrfToken(page.html())));

		assertThat(refused.status()).isEqualTo(403);
		assertThat(session.get(manage).html().select(".subscription")).isEmpty();
	}

}
