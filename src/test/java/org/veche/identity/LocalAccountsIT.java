package org.veche.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import java.time.Duration;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.veche.support.BrowserSession;
import org.veche.support.Http;
import org.veche.support.IntegrationTest;
import org.veche.support.TestMail;

/**
 * Sign-up, verification and password reset as a reader goes through them: the forms over
 * HTTP, the real messages from the SMTP server, and their links followed.
 */
class LocalAccountsIT extends IntegrationTest {

	@Autowired
	private DSLContext db;

	private static final String PASSWORD = "a long enough password";

	private static Http.Response signUp(BrowserSession session, String name, String email, String password) {
		var form = session.get("/signup");
		assertThat(form.status()).isEqualTo(200);
		return session.postForm("/signup", Map.of("name", name, "email", email, "password", password, "_csrf",
				BrowserSession.csrfToken(form.html())));
	}

	private static String noticeText(Http.Response response) {
		return response.html().selectFirst(".notice").text();
	}

	@Test
	void aNewReaderSignsUpFollowsTheMailedLinkOnceAndIsVerified() throws Exception {
		String email = "newreader" + unique() + "@example.org";

		var answer = signUp(new BrowserSession(http), "Олена Коваль", email, PASSWORD);

		assertThat(answer.status()).isEqualTo(200);
		assertThat(noticeText(answer))
			.isEqualTo("Check your e-mail: we have sent a message to " + email + ". Follow its link to go on.");
		var mail = TestMail.awaitMessage(email, 1);
		assertThat(TestMail.subject(mail)).isEqualTo("Confirm your e-mail address for Veche");
		assertThat(TestMail.text(mail)).contains("Hello Олена Коваль");
		assertThat(TestMail.html(mail)).contains("Confirm my address");
		assertThat(mail.getFrom()[0].toString()).contains("Veche");
		String link = TestMail.linkPath(mail);
		assertThat(link).startsWith("/verify?token=");
		assertThat(TestMail.links(mail).get(0)).startsWith("http://localhost:" + port + "/verify?token=");

		var before = BrowserSession.signIn(http, email, PASSWORD).get("/account");
		assertThat(before.status()).isEqualTo(200);
		assertThat(before.html().select(".unverified")).as("shown as unverified until the link is followed").hasSize(1);
		assertThat(before.html().selectFirst(".signed-in b").text()).isEqualTo("Олена Коваль");

		var verified = new BrowserSession(http).get(link);
		assertThat(verified.status()).isEqualTo(200);
		assertThat(noticeText(verified)).isEqualTo("Your e-mail address is verified. Thank you!");
		var again = new BrowserSession(http).get(link);
		assertThat(again.status()).as("the link works once").isEqualTo(400);
		assertThat(noticeText(again)).contains("does not work any more");

		var after = BrowserSession.signIn(http, email, PASSWORD).get("/account");
		assertThat(after.html().select(".unverified")).isEmpty();
		assertThat(after.html().select(".verified")).hasSize(1);
		assertThat(identity.account(accountId(after)).orElseThrow().emailVerified()).isTrue();
	}

	@Test
	void signingUpWithAnAddressThatHasAnAccountAnswersTheSameAndMailsItsOwnerInstead() throws Exception {
		String email = "owner" + unique() + "@example.org";
		identity.createAccount(new NewAccount(email, PASSWORD, "Owner", Role.READER));

		var answer = signUp(new BrowserSession(http), "Impostor", email, "another long password");

		assertThat(answer.status()).isEqualTo(200);
		assertThat(noticeText(answer))
			.isEqualTo("Check your e-mail: we have sent a message to " + email + ". Follow its link to go on.");
		var mail = TestMail.awaitMessage(email, 1);
		assertThat(TestMail.subject(mail)).isEqualTo("Someone tried to sign up on Veche with your address");
		assertThat(TestMail.linkPath(mail)).startsWith("/password/reset?token=");
		BrowserSession.signIn(http, email, PASSWORD);
		assertThatThrownBy(() -> BrowserSession.signIn(http, email, "another long password"))
			.as("the attempt changed nothing")
			.isInstanceOf(AssertionError.class);
	}

	@Test
	void aSignUpWithAShortPasswordGetsTheFormBackWithTheMessageAndSendsNothing() {
		String email = "short" + unique() + "@example.org";

		var answer = signUp(new BrowserSession(http), "Short", email, "short");

		assertThat(answer.status()).isEqualTo(422);
		assertThat(answer.html().selectFirst(".form-error").text())
			.isEqualTo("The password must have at least 10 characters.");
		assertThat(answer.html().selectFirst("input[name=email]").attr("value")).isEqualTo(email);
		assertThat(TestMail.to(email)).isEmpty();
	}

	@Test
	void aSignUpPostWithoutTheCsrfTokenIsRefused() {
		String email = "forged" + unique() + "@example.org";

		var forged = http.postForm("/signup", Map.of("name", "Forged", "email", email, "password", PASSWORD));

		assertThat(forged.status()).isEqualTo(403);
		assertThat(TestMail.to(email)).isEmpty();
	}

	@Test
	void aForgottenPasswordIsResetOnceThroughTheMailedLinkAndEndsOtherSessions() throws Exception {
		String email = "forgetful" + unique() + "@example.org";
		identity.createAccount(new NewAccount(email, PASSWORD, "Forgetful", Role.READER));
		var elsewhere = BrowserSession.signIn(http, email, PASSWORD);
		assertThat(elsewhere.get("/account").status()).isEqualTo(200);

		var session = new BrowserSession(http);
		var form = session.get("/password/forgot");
		var asked = session.postForm("/password/forgot",
				Map.of("email", email, "_csrf", BrowserSession.csrfToken(form.html())));
		assertThat(asked.status()).isEqualTo(200);
		var mail = TestMail.awaitMessage(email, 1);
		assertThat(TestMail.subject(mail)).isEqualTo("Set a new password for Veche");
		String link = TestMail.linkPath(mail);
		assertThat(link).startsWith("/password/reset?token=");

		var reader = new BrowserSession(http);
		var resetForm = reader.get(link);
		assertThat(resetForm.status()).isEqualTo(200);
		String token = resetForm.html().selectFirst("input[name=token]").attr("value");
		var reset = reader.postForm("/password/reset", Map.of("token", token, "password", "a brand new password",
				"_csrf", BrowserSession.csrfToken(resetForm.html())));
		assertThat(reset.status()).isEqualTo(302);
		assertThat(reset.header("Location")).endsWith("/login?reset");

		assertThatThrownBy(() -> BrowserSession.signIn(http, email, PASSWORD)).isInstanceOf(AssertionError.class);
		BrowserSession.signIn(http, email, "a brand new password");
		assertThat(new BrowserSession(http).get(link).status()).as("the link works once").isEqualTo(400);
		var reused = reader.postForm("/password/reset", Map.of("token", token, "password", "a third password here",
				"_csrf", BrowserSession.csrfToken(resetForm.html())));
		assertThat(reused.status()).isEqualTo(400);
		var ended = elsewhere.get("/account");
		assertThat(ended.status()).as("the session signed in before the reset is over").isEqualTo(302);
		assertThat(ended.header("Location")).contains("/login");
	}

	@Test
	void aResetRequestForAnUnknownAddressAnswersTheSameAndSendsNothing() {
		String known = "known" + unique() + "@example.org";
		identity.createAccount(new NewAccount(known, PASSWORD, "Known", Role.READER));
		String unknown = "nobody" + unique() + "@example.org";

		var session = new BrowserSession(http);
		var form = session.get("/password/forgot");
		var forUnknown = session.postForm("/password/forgot",
				Map.of("email", unknown, "_csrf", BrowserSession.csrfToken(form.html())));
		var forKnown = session.postForm("/password/forgot",
				Map.of("email", known, "_csrf", BrowserSession.csrfToken(form.html())));

		assertThat(forUnknown.status()).isEqualTo(forKnown.status()).isEqualTo(200);
		assertThat(noticeText(forUnknown)).isEqualTo(noticeText(forKnown));
		TestMail.awaitMessage(known, 1);
		assertThat(TestMail.to(unknown)).isEmpty();
	}

	@Test
	void aResetFormWithAShortPasswordComesBackAndTheLinkStillWorks() throws Exception {
		String email = "shortreset" + unique() + "@example.org";
		identity.createAccount(new NewAccount(email, PASSWORD, "Short Reset", Role.READER));
		var session = new BrowserSession(http);
		var form = session.get("/password/forgot");
		session.postForm("/password/forgot", Map.of("email", email, "_csrf", BrowserSession.csrfToken(form.html())));
		String link = TestMail.linkPath(TestMail.awaitMessage(email, 1));
		var resetForm = session.get(link);
		String token = resetForm.html().selectFirst("input[name=token]").attr("value");

		var tooShort = session.postForm("/password/reset",
				Map.of("token", token, "password", "short", "_csrf", BrowserSession.csrfToken(resetForm.html())));

		assertThat(tooShort.status()).isEqualTo(422);
		assertThat(tooShort.html().selectFirst(".form-error").text()).contains("at least 10 characters");
		assertThat(session.get(link).status()).isEqualTo(200);
	}

	@Test
	void aLinkWithAMadeUpTokenIsAClearBadRequest() {
		assertThat(new BrowserSession(http).get("/verify?token=made-up").status()).isEqualTo(400);
		assertThat(new BrowserSession(http).get("/password/reset?token=made-up").status()).isEqualTo(400);
		assertThat(new BrowserSession(http).get("/email/confirm?token=").status()).isEqualTo(400);
	}

	@Test
	void anUnverifiedAccountMayNotCommentUntilItFollowsItsLink() {
		String slug = publishArticle(tokenFor(Role.EDITOR), "Verified voices " + unique());
		String email = "commenter" + unique() + "@example.org";
		signUp(new BrowserSession(http), "Would Comment", email, PASSWORD);
		String link = TestMail.linkPath(TestMail.awaitMessage(email, 1));
		var session = new BrowserSession(http.from(newAddress()));
		var form = session.get("/login");
		session.postForm("/login",
				Map.of("username", email, "password", PASSWORD, "_csrf", BrowserSession.csrfToken(form.html())));
		String token = BrowserSession.csrfToken(session.get("/account").html());

		var refused = session.postForm("/articles/" + slug + "/comments",
				Map.of("comment", "Before verifying", "_csrf", token));

		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.html().selectFirst(".form-error").text())
			.startsWith("Verify your e-mail address before commenting");
		assertThat(new BrowserSession(http).get(link).status()).isEqualTo(200);
		var posted = session.postForm("/articles/" + slug + "/comments",
				Map.of("comment", "After verifying", "_csrf", token));
		assertThat(posted.status()).isEqualTo(302);
		var thread = http.get("/api/v1/articles/" + slug + "/comments").json().get("comments");
		assertThat(thread).hasSize(1);
		assertThat(thread.get(0).get("author").get("name").asString()).isEqualTo("Would Comment");
	}

	@Test
	void theMailAndThePageAreInTheReadersLanguage() throws Exception {
		String email = "ukrainian" + unique() + "@example.org";

		var answer = signUp(new BrowserSession(http.with("Accept-Language", "uk")), "Оксана", email, PASSWORD);

		assertThat(noticeText(answer)).startsWith("Перевірте пошту");
		var mail = TestMail.awaitMessage(email, 1);
		assertThat(TestMail.subject(mail)).isEqualTo("Підтвердьте e-mail на сайті Veche");
		assertThat(TestMail.text(mail)).startsWith("Вітаємо, Оксана!");
		assertThat(TestMail.html(mail)).contains("lang=\"uk\"").contains("Підтвердити адресу");
	}

	@Test
	void verificationLinksLiveFortyEightHoursResetLinksOneHourAndAnExpiredLinkIsRefused() {
		String email = "expiring" + unique() + "@example.org";
		signUp(new BrowserSession(http), "Expiring", email, PASSWORD);
		String verifyLink = TestMail.linkPath(TestMail.awaitMessage(email, 1));
		var session = new BrowserSession(http);
		var form = session.get("/password/forgot");
		session.postForm("/password/forgot", Map.of("email", email, "_csrf", BrowserSession.csrfToken(form.html())));
		String resetLink = TestMail.linkPath(TestMail.awaitMessage(email, 2));
		long accountId = db.select(DSL.field("id", Long.class))
			.from("account")
			.where(DSL.field("email").eq(email))
			.fetchOne(0, Long.class);

		var lifetimes = new java.util.HashMap<String, Long>();
		db.select(DSL.field("purpose", String.class), DSL.field("expires_at", Long.class),
				DSL.field("created_at", Long.class))
			.from("account_token")
			.where(DSL.field("account_id").eq(accountId))
			.forEach(r -> lifetimes.put(r.value1(), r.value2() - r.value3()));
		assertThat(lifetimes).containsEntry("VERIFY_EMAIL", Duration.ofHours(48).toMillis())
			.containsEntry("RESET_PASSWORD", Duration.ofHours(1).toMillis());

		db.update(DSL.table("account_token"))
			.set(DSL.field("expires_at", Long.class), System.currentTimeMillis() - 1)
			.where(DSL.field("account_id").eq(accountId))
			.execute();

		assertThat(new BrowserSession(http).get(verifyLink).status()).isEqualTo(400);
		assertThat(new BrowserSession(http).get(resetLink).status()).isEqualTo(400);
		assertThat(identity.account(accountId).orElseThrow().emailVerified()).isFalse();
	}

	private long accountId(Http.Response accountPage) {
		String src = accountPage.html().selectFirst(".account-card img.avatar").attr("src");
		return Long.parseLong(src.replaceAll("\\D", ""));
	}

}
