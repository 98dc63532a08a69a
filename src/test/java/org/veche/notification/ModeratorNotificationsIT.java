package org.veche.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.veche.discussion.CommentRecords;
import org.veche.discussion.CommentStatus;
import org.veche.discussion.Discussions;
import org.veche.identity.NewAccount;
import org.veche.identity.Role;
import org.veche.identity.SignedIn;
import org.veche.publishing.Article;
import org.veche.publishing.ArticleLookup;
import org.veche.publishing.Newsroom;
import org.veche.support.BrowserSession;
import org.veche.support.TestMail;

/**
 * Nothing reaches readers about a comment that is not approved: a held reply is announced
 * when a moderator approves it, and a held comment's "notify me" waits for that too.
 * Moderators who asked hear of held comments. The comment is held by the article's
 * pre-moderation switch and approved as a moderator approves it.
 */
class ModeratorNotificationsIT extends NotificationSupport {

	@Autowired
	private Discussions discussions;

	@Autowired
	private CommentRecords records;

	@Autowired
	private ArticleLookup publishing;

	@Autowired
	private Newsroom newsroom;

	/** The editor's switch: every new comment on the article waits for a moderator. */
	private void premoderate(String slug) {
		var editor = identity
			.createAccount(new NewAccount(newEmail("editor"), "editor password 12", "Editor", Role.EDITOR));
		long id = publishing.article(slug).orElseThrow().id();
		newsroom.setDiscussion(id, Article.Discussion.PREMODERATED, new SignedIn(editor, null));
	}

	/**
	 * The manage page as the account last saw it, after {@link #subscribeFromTheAccount}.
	 */
	private org.veche.support.Http.Response managePage;

	/**
	 * Signs in, opens the notifications page from the account page and adds the topic
	 * there.
	 */
	private org.veche.support.Http.Response subscribeFromTheAccount(String email, String password, String topic,
			String cadence) {
		var session = BrowserSession.signIn(http.from(newAddress()), email, password);
		String manage = session.get("/account/notifications").header("Location").replaceFirst("^https?://[^/]+", "");
		var page = session.get(manage);
		assertThat(page.status()).isEqualTo(200);
		var added = session.postForm(manage,
				Map.of("add", topic, "cadence", cadence, "_csrf", BrowserSession.csrfToken(page.html())));
		managePage = session.get(manage);
		return added;
	}

	@Test
	void aHeldReplyIsAnnouncedOnlyOnceApprovedAndModeratorsWhoAskedHearOfItAtOnce() throws Exception {
		String moderator = newEmail("moderator");
		identity.createAccount(new NewAccount(moderator, "moderator password 1", "Moderator", Role.MODERATOR));
		assertThat(subscribeFromTheAccount(moderator, "moderator password 1", "held", "instant").status())
			.isEqualTo(302);
		assertThat(managePage.html().select(".subscription").text()).contains("Comments held for moderation on Veche");

		String slug = newArticle("Held");
		String email = newEmail("author");
		long mine = postByForm(slug, null, "Author", email, "Watch my comment", true, false);
		confirm(TestMail.awaitMessage(email, 1));
		premoderate(slug);
		String heldEmail = newEmail("held");

		long held = postByForm(slug, mine, "Held Replier", heldEmail, "A reply that waits", true, false);
		assertThat(records.comment(held).orElseThrow().status()).isEqualTo(CommentStatus.PENDING);

		var alert = TestMail.awaitMessage(moderator, 1);
		assertThat(TestMail.subject(alert)).startsWith("A comment waits for moderation on \u201cHeld");
		assertThat(TestMail.text(alert)).contains("A reply that waits").contains("Held Replier");
		awaitOutboxEmpty();
		assertThat(queuedFor(email)).as("the subscriber hears nothing yet").hasSize(1);
		assertThat(queuedFor(heldEmail)).as("not even a confirmation for the held comment's author").isEmpty();

		discussions.changeStatus(held, CommentStatus.APPROVED);

		var notice = TestMail.awaitMessage(email, 2);
		assertThat(TestMail.subject(notice)).startsWith("New reply to your comment on \u201cHeld");
		assertThat(TestMail.text(notice)).contains("A reply that waits");
		assertThat(TestMail.subject(TestMail.awaitMessage(heldEmail, 1)))
			.isEqualTo("Confirm your notifications from Veche");
	}

	@Autowired
	private org.veche.notification.internal.Digests digests;

	@Test
	void aModeratorsDailyDigestOfReportsListsEachReportOnce() throws Exception {
		String moderator = newEmail("digester");
		identity.createAccount(new NewAccount(moderator, "moderator password 2", "Digester", Role.ADMINISTRATOR));
		assertThat(subscribeFromTheAccount(moderator, "moderator password 2", "reports", "daily").status())
			.isEqualTo(302);
		String slug = newArticle("Reported");
		long first = postComment(slug, null, "Rude", "Something rude").get("id").asLong();
		long second = postComment(slug, null, "Ruder", "Something ruder").get("id").asLong();

		String reader = newAddress();
		assertThat(http.from(reader).postForm("/comments/" + first + "/report", Map.of("reason", "abuse")).status())
			.isEqualTo(200);
		http.from(reader).postForm("/comments/" + first + "/report", Map.of("reason", "abuse"));
		assertThat(http.from(newAddress())
			.postForm("/comments/" + second + "/report", Map.of("reason", "threat"))
			.status()).isEqualTo(200);
		awaitOutboxEmpty();
		assertThat(TestMail.to(moderator)).as("gathered, not sent one by one").isEmpty();

		digests.sendDue(java.time.Instant.now().plus(java.time.Duration.ofHours(25)));

		var digest = TestMail.awaitMessage(moderator, 1);
		assertThat(TestMail.subject(digest)).isEqualTo("Your daily digest from Veche: 2 reported comments");
		assertThat(TestMail.text(digest)).contains("Something rude")
			.contains("Something ruder")
			.contains("/moderation")
			.contains("reported as abuse")
			.contains("reported as a threat");
	}

	@Test
	void readersAreNotOfferedModeratorMailAndCannotAddIt() {
		String reader = newEmail("plain");
		identity.createAccount(new NewAccount(reader, "reader password 12", "Reader", Role.READER));

		var refused = subscribeFromTheAccount(reader, "reader password 12", "held", "instant");

		assertThat(refused.status()).isEqualTo(403);
		var page = managePage.html();
		assertThat(page.select("input[name=add][value=held]")).isEmpty();
		assertThat(page.select("input[name=add][value=articles]")).hasSize(1);
		assertThat(page.select(".subscription")).isEmpty();
	}

}
