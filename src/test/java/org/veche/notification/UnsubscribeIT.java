package org.veche.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.veche.support.TestMail;

/**
 * RFC 8058 one-click unsubscribe by the List-Unsubscribe header's URL, and the link in
 * the body: either ends the subscription at once and for good, without a session or a
 * CSRF token, and answers the same when repeated.
 */
class UnsubscribeIT extends NotificationSupport {

	/** A confirmed replies subscription and the first reply's mail. */
	private record Subscribed(String slug, long comment, String email, jakarta.mail.internet.MimeMessage notice) {
	}

	private Subscribed subscribedWithOneNotice(String title) {
		String slug = newArticle(title);
		String email = newEmail("leaving");
		long mine = postByForm(slug, null, "Leaving", email, "Tell me of replies.", true, false);
		confirm(TestMail.awaitMessage(email, 1));
		replyTo(slug, mine, "First reply");
		return new Subscribed(slug, mine, email, TestMail.awaitMessage(email, 2));
	}

	@Test
	void aOneClickPostToTheHeadersUrlUnsubscribesWithoutSessionOrTokenAndAgainAnswersTheSame() throws Exception {
		var subscribed = subscribedWithOneNotice("One click");
		String header = header(subscribed.notice(), "List-Unsubscribe");
		String path = header.substring(1, header.length() - 1).replaceFirst("^https?://[^/]+", "");

		// what a mail provider sends (RFC 8058 section 3.2): no cookie, no token, this
		// one field
		var first = http.postForm(path, Map.of("List-Unsubscribe", "One-Click"));
		var second = http.postForm(path, Map.of("List-Unsubscribe", "One-Click"));

		assertThat(first.status()).isEqualTo(200);
		assertThat(first.cookies()).as("no session made").isEmpty();
		assertThat(second.status()).isEqualTo(200);
		assertThat(second.html().selectFirst(".notice").text()).isEqualTo(first.html().selectFirst(".notice").text())
			.isEqualTo("You are unsubscribed: no more mail about this will be sent.");
		replyTo(subscribed.slug(), subscribed.comment(), "A reply after unsubscribing");
		awaitOutboxEmpty();
		assertThat(TestMail.to(subscribed.email())).hasSize(2);
		assertThat(queuedFor(subscribed.email())).hasSize(2);
	}

	@Test
	void theLinkInTheBodyShowsAButtonThatUnsubscribes() throws Exception {
		var subscribed = subscribedWithOneNotice("By the link");
		String link = TestMail.linkTo(subscribed.notice(), "/notifications/unsubscribe/");

		var page = http.get(link);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.html().selectFirst(".subscription").text())
			.startsWith("Replies to your comment on \u201cBy the link");
		replyTo(subscribed.slug(), subscribed.comment(), "Still subscribed: a GET changes nothing");
		TestMail.awaitMessage(subscribed.email(), 3);

		var done = http.postForm(page.html().selectFirst("form").attr("action"), Map.of());
		assertThat(done.status()).isEqualTo(200);
		replyTo(subscribed.slug(), subscribed.comment(), "A reply after unsubscribing");
		awaitOutboxEmpty();
		assertThat(TestMail.to(subscribed.email())).hasSize(3);
		assertThat(http.get(link).html().selectFirst(".notice").text())
			.isEqualTo("You are unsubscribed: no more mail about this will be sent.");
	}

	@Test
	void aLinkWithAnotherSignatureIsRefusedAndChangesNothing() throws Exception {
		var subscribed = subscribedWithOneNotice("Forged link");
		String link = TestMail.linkTo(subscribed.notice(), "/notifications/unsubscribe/");
		String forged = link.substring(0, link.lastIndexOf('/') + 1) + "AAAAAAAAAAAAAAAAAAAAAA";

		assertThat(http.postForm(forged, Map.of("List-Unsubscribe", "One-Click")).status()).isEqualTo(400);
		String other = link.replaceFirst("/unsubscribe/(\\d+)/", "/unsubscribe/999999/");
		assertThat(http.postForm(other, Map.of()).status()).isEqualTo(400);

		replyTo(subscribed.slug(), subscribed.comment(), "Still subscribed");
		assertThat(TestMail.text(TestMail.awaitMessage(subscribed.email(), 3))).contains("Still subscribed");
	}

}
