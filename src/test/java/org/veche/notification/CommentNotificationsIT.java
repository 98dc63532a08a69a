package org.veche.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import org.veche.discussion.CommentPosted;
import org.veche.discussion.CommentStatus;
import org.veche.identity.NewAccount;
import org.veche.support.TestMail;

/**
 * "Notify me of replies" and "of all new comments" from the comment form: the double
 * opt-in, the mail itself, no mail about one's own comment, and an event handled twice
 * mailed once.
 */
class CommentNotificationsIT extends NotificationSupport {

	@Autowired
	private ApplicationEventPublisher events;

	@Autowired
	private TransactionTemplate transactions;

	@Test
	void aGuestAskingForRepliesGetsOnlyTheConfirmationUntilConfirmingThenEachReply() throws Exception {
		String slug = newArticle("Replies wanted");
		String email = newEmail("guest");
		long mine = postByForm(slug, null, "Оксана", email, "First!", true, false);

		var confirmation = TestMail.awaitMessage(email, 1);
		assertThat(TestMail.subject(confirmation)).isEqualTo("Confirm your notifications from Veche");
		assertThat(TestMail.text(confirmation)).contains("Replies to your comment on \u201cReplies wanted");
		assertThat(TestMail.html(confirmation)).contains("Yes, send me these");
		assertThat(confirmation.getFrom()[0].toString()).contains("Veche");

		replyTo(slug, mine, "A reply before the address confirmed");
		assertThat(queuedFor(email)).as("nothing but the confirmation until it is confirmed")
			.hasSize(1)
			.allMatch(key -> key.startsWith("confirm:"));

		confirm(confirmation);
		long reply = replyTo(slug, mine, "Thank you, *Оксана*, for this.");

		var notice = TestMail.awaitMessage(email, 2);
		assertThat(TestMail.subject(notice)).startsWith("New reply to your comment on \u201cReplies wanted");
		assertThat(TestMail.text(notice)).contains("Thank you, *Оксана*, for this.")
			.contains("/articles/" + slug + "?cpage=1#comment-" + reply);
		assertThat(TestMail.html(notice)).contains("Thank you, *Оксана*, for this.");
		String unsubscribe = header(notice, "List-Unsubscribe");
		assertThat(unsubscribe)
			.matches("<http://localhost:" + port + "/notifications/unsubscribe/\\d+/[A-Za-z0-9_-]+>");
		assertThat(header(notice, "List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
		assertThat(TestMail.text(notice)).contains(unsubscribe.substring(1, unsubscribe.length() - 1))
			.contains("/notifications/manage/");
	}

	@Test
	void aFollowerOfAllCommentsHearsOfOthersCommentsButNotOfTheirOwn() throws Exception {
		String slug = newArticle("Followed article");
		String email = newEmail("follower");
		postByForm(slug, null, "Follower", email, "I will follow this.", false, true);
		confirm(TestMail.awaitMessage(email, 1));

		// staff may post for a named author, flood limit aside: the follower's second
		// comment, seconds later
		var own = http.bearer(editorToken())
			.postJson("/api/v1/articles/" + slug + "/comments",
					Map.of("author", Map.of("name", "Follower", "email", email), "body", "My own second comment."));
		assertThat(own.status()).isEqualTo(201);
		postComment(slug, null, "Someone else", "A comment by someone else.");

		var notice = TestMail.awaitMessage(email, 2);
		assertThat(TestMail.subject(notice)).startsWith("New comment on \u201cFollowed article");
		assertThat(TestMail.text(notice)).contains("A comment by someone else.").contains("Someone else");
		awaitOutboxEmpty();
		assertThat(TestMail.to(email)).as("not told of their own comment").hasSize(2);
	}

	@Test
	void aSignedInAccountWithAVerifiedAddressNeedsNoConfirmationAndManagesFromTheAccountPage() throws Exception {
		String email = newEmail("account");
		identity.createAccount(
				new NewAccount(email, "a long enough password", "Account Reader", org.veche.identity.Role.READER));
		var session = org.veche.support.BrowserSession.signIn(http.from(newAddress()), email, "a long enough password");
		String slug = newArticle("Account article");
		var article = session.get("/articles/" + slug);
		String csrf = org.veche.support.BrowserSession.csrfToken(article.html());
		assertThat(article.html().select("input[name=notify_replies][checked]")).as("replies checked by default")
			.hasSize(1);
		assertThat(article.html().select("input[name=notify_all]:not([checked])")).hasSize(1);
		var posted = session.postForm("/articles/" + slug + "/comments",
				Map.of("comment", "As an account", "notify_replies", "true", "_csrf", csrf));
		assertThat(posted.status()).isEqualTo(302);
		String location = posted.header("Location");
		long mine = Long.parseLong(location.substring(location.indexOf("#comment-") + 9));

		replyTo(slug, mine, "Answer to the account");

		var notice = TestMail.awaitMessage(email, 1);
		assertThat(TestMail.subject(notice)).startsWith("New reply to your comment");
		var manage = session.get("/account/notifications");
		assertThat(manage.status()).isEqualTo(302);
		var page = session.get(manage.header("Location").replaceFirst("^https?://[^/]+", ""));
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.html().select(".subscription").text())
			.contains("Replies to your comment on \u201cAccount article");
		assertThat(session.get("/account").html().select("a[href=/account/notifications]")).hasSize(1);
	}

	@Test
	void theMailIsInTheLanguageTheReaderCommentedIn() throws Exception {
		String slug = newArticle("Мова");
		String email = newEmail("uk");
		var posted = http.from(newAddress())
			.with("Accept-Language", "uk")
			.postForm("/articles/" + slug + "/comments",
					Map.of("author", "Тарас", "email", email, "comment", "Коментар", "notify_replies", "true"));
		assertThat(posted.status()).isEqualTo(302);

		var confirmation = TestMail.awaitMessage(email, 1);

		assertThat(TestMail.subject(confirmation)).isEqualTo("Підтвердьте підписку на сповіщення сайту Veche");
		assertThat(TestMail.text(confirmation)).contains("Відповіді на ваш коментар до статті «Мова");
		assertThat(TestMail.html(confirmation)).contains("lang=\"uk\"").contains("Так, надсилайте");
	}

	@Test
	void anEventHandledTwiceIsMailedOnce() throws Exception {
		String slug = newArticle("Twice");
		String email = newEmail("twice");
		long mine = postByForm(slug, null, "Twice", email, "Tell me.", true, false);
		confirm(TestMail.awaitMessage(email, 1));
		long reply = replyTo(slug, mine, "The reply");
		TestMail.awaitMessage(email, 2);

		transactions.executeWithoutResult(
				status -> events.publishEvent(new CommentPosted(reply, 0, mine, CommentStatus.APPROVED)));
		events.publishEvent(new CommentPosted(reply, 0, mine, CommentStatus.APPROVED));
		long second = replyTo(slug, mine, "The second reply");

		var next = TestMail.awaitMessage(email, 3);
		assertThat(TestMail.text(next)).as("the next mail is the next reply, not the first again")
			.contains("The second reply");
		awaitOutboxEmpty();
		assertThat(TestMail.to(email)).hasSize(3);
		assertThat(queuedFor(email)).containsExactly(queuedFor(email).get(0), "comment:" + reply, "comment:" + second);
	}

}
