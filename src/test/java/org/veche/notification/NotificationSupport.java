package org.veche.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.beans.factory.annotation.Autowired;
import org.veche.identity.Role;
import org.veche.support.Http;
import org.veche.support.IntegrationTest;
import org.veche.support.TestMail;

/**
 * What the notification tests share: articles, comments posted through the form with the
 * notify boxes, the confirmation step, and a look at the outbox (the module's own table)
 * to prove what was not queued.
 */
abstract class NotificationSupport extends IntegrationTest {

	private static final Map<Integer, String> EDITORS = new ConcurrentHashMap<>();

	@Autowired
	protected DSLContext db;

	protected String editorToken() {
		return EDITORS.computeIfAbsent(port, p -> tokenFor(Role.EDITOR));
	}

	protected String newArticle(String title) {
		return publishArticle(editorToken(), title + " " + unique());
	}

	protected static String newEmail(String who) {
		return who + unique() + "@example.org";
	}

	/**
	 * Posts through the HTML form as a guest from a fresh address; returns the new
	 * comment's id.
	 */
	protected long postByForm(String slug, Long parentId, String name, String email, String body, boolean replies,
			boolean all) {
		var fields = new HashMap<String, String>();
		fields.put("author", name);
		fields.put("email", email);
		fields.put("comment", body);
		fields.put("comment_parent", parentId == null ? "" : parentId.toString());
		if (replies) {
			fields.put("notify_replies", "true");
		}
		if (all) {
			fields.put("notify_all", "true");
		}
		var posted = http.from(newAddress()).postForm("/articles/" + slug + "/comments", fields);
		assertThat(posted.status()).as("posted: %s", posted).isEqualTo(302);
		var id = java.util.regex.Pattern.compile("[?&](?:posted|held)=(\\d+)").matcher(posted.header("Location"));
		assertThat(id.find()).as("the comment's id in %s", posted.header("Location")).isTrue();
		return Long.parseLong(id.group(1));
	}

	/** A reply from someone else, through the API, that asks for nothing. */
	protected long replyTo(String slug, long parentId, String body) {
		return postComment(slug, parentId, "Replier " + unique(), body).get("id").asLong();
	}

	/**
	 * Follows a confirmation mail's link as a reader would: the page, then its button.
	 */
	protected void confirm(MimeMessage confirmation) {
		String link = TestMail.linkTo(confirmation, "/notifications/confirm/");
		var page = http.get(link);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.html().select("form[action='" + link + "'] button")).hasSize(1);
		var done = http.postForm(link, Map.of());
		assertThat(done.status()).isEqualTo(200);
		assertThat(done.html().selectFirst(".notice").text()).isEqualTo("Thank you: your notifications are on.");
	}

	/** The event keys queued or sent to the address, oldest first. */
	protected List<String> queuedFor(String email) {
		return db.select(DSL.field("event_key", String.class))
			.from(DSL.table("notification_outbox"))
			.where(DSL.field("recipient", String.class).eq(email))
			.orderBy(DSL.field("id"))
			.fetch(0, String.class);
	}

	protected static String header(MimeMessage message, String name) {
		try {
			String[] values = message.getHeader(name);
			return values == null ? null : values[0];
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Waits until the worker has nothing left to send, so that a message that should not
	 * exist would have come.
	 */
	protected void awaitOutboxEmpty() throws InterruptedException {
		for (int i = 0; i < 200; i++) {
			if (db.fetchCount(DSL.table("notification_outbox"),
					DSL.field("sent_at").isNull().and(DSL.field("failed_at").isNull())) == 0) {
				return;
			}
			Thread.sleep(50);
		}
		throw new AssertionError("the outbox did not empty");
	}

}
