package org.veche.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.veche.support.BrowserSession;
import org.veche.support.Http;
import org.veche.support.IntegrationTest;
import org.veche.support.TestMail;

/**
 * The signed-in reader's own page: display name, change of address with confirmation,
 * password change, and the avatar the site draws.
 */
class AccountPageIT extends IntegrationTest {

	private static final String PASSWORD = "my own long password";

	private static Http.Response post(BrowserSession session, String path, Map<String, String> fields) {
		var page = session.get("/account");
		var withToken = new java.util.HashMap<>(fields);
		withToken.put("_csrf", BrowserSession.csrfToken(page.html()));
		return session.postForm(path, withToken);
	}

	@Test
	void theAccountPageNeedsSigningIn() {
		var response = new BrowserSession(http).get("/account");

		assertThat(response.status()).isEqualTo(302);
		assertThat(response.header("Location")).endsWith("/login");
	}

	@Test
	void theAccountPageLinksToThePersonalTokens() {
		String email = "tokens" + unique() + "@example.org";
		identity.createAccount(new NewAccount(email, PASSWORD, "Token Reader", Role.READER));
		var session = BrowserSession.signIn(http, email, PASSWORD);

		var link = session.get("/account").html().selectFirst("a[href=/account/tokens]");

		assertThat(link).isNotNull();
		assertThat(link.text()).isEqualTo("Personal API tokens");
		assertThat(session.get(link.attr("href")).status()).isEqualTo(200);
	}

	@Test
	void aNewAddressIsConfirmedFromTheNewMailboxAndOnlyThenSignsIn() throws Exception {
		String old = "moving" + unique() + "@example.org";
		String fresh = "moved" + unique() + "@example.org";
		identity.createAccount(new NewAccount(old, PASSWORD, "Mover", Role.READER));
		var session = BrowserSession.signIn(http, old, PASSWORD);

		var asked = post(session, "/account/email", Map.of("email", fresh, "current", PASSWORD));

		assertThat(asked.status()).isEqualTo(200);
		assertThat(asked.html().selectFirst(".notice").text()).startsWith("We have sent a link to " + fresh);
		var confirmation = TestMail.awaitMessage(fresh, 1);
		assertThat(TestMail.subject(confirmation)).isEqualTo("Confirm your new e-mail address for Veche");
		var notice = TestMail.awaitMessage(old, 1);
		assertThat(TestMail.subject(notice)).isEqualTo("The e-mail address of your account on Veche is being changed");
		assertThat(TestMail.text(notice)).contains(fresh);
		assertThat(TestMail.links(notice)).as("the old address gets no link to act on").isEmpty();

		BrowserSession.signIn(http, old, PASSWORD);
		assertThatThrownBy(() -> BrowserSession.signIn(http, fresh, PASSWORD)).isInstanceOf(AssertionError.class);

		String link = TestMail.linkPath(confirmation);
		var confirmed = new BrowserSession(http).get(link);
		assertThat(confirmed.status()).isEqualTo(200);
		assertThat(confirmed.html().selectFirst(".notice").text())
			.isEqualTo("Your e-mail address is now " + fresh + ". Sign in with it from now on.");

		BrowserSession.signIn(http, fresh, PASSWORD);
		assertThatThrownBy(() -> BrowserSession.signIn(http, old, PASSWORD)).isInstanceOf(AssertionError.class);
		assertThat(new BrowserSession(http).get(link).status()).as("the link works once").isEqualTo(400);
	}

	@Test
	void changingTheAddressNeedsTheCurrentPassword() {
		String email = "careful" + unique() + "@example.org";
		String fresh = "wanted" + unique() + "@example.org";
		identity.createAccount(new NewAccount(email, PASSWORD, "Careful", Role.READER));
		var session = BrowserSession.signIn(http, email, PASSWORD);

		var refused = post(session, "/account/email", Map.of("email", fresh, "current", "not my password"));

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.html().selectFirst(".form-error").text()).isEqualTo("The current password is not right.");
		assertThat(TestMail.to(fresh)).isEmpty();
	}

	@Test
	void anAddressOfAnotherAccountGetsTheSameAnswerAndANoticeInsteadOfALink() throws Exception {
		String email = "grabber" + unique() + "@example.org";
		String taken = "taken" + unique() + "@example.org";
		identity.createAccount(new NewAccount(email, PASSWORD, "Grabber", Role.READER));
		identity.createAccount(new NewAccount(taken, PASSWORD, "Taken", Role.READER));
		var session = BrowserSession.signIn(http, email, PASSWORD);

		var asked = post(session, "/account/email", Map.of("email", taken, "current", PASSWORD));

		assertThat(asked.status()).isEqualTo(200);
		assertThat(asked.html().selectFirst(".notice").text()).startsWith("We have sent a link to " + taken);
		var mail = TestMail.awaitMessage(taken, 1);
		assertThat(TestMail.links(mail)).isEmpty();
		BrowserSession.signIn(http, email, PASSWORD);
	}

	@Test
	void aPasswordChangeNeedsTheCurrentOneAndSignsOutOtherDevices() {
		String email = "changer" + unique() + "@example.org";
		identity.createAccount(new NewAccount(email, PASSWORD, "Changer", Role.READER));
		var here = BrowserSession.signIn(http, email, PASSWORD);
		var elsewhere = BrowserSession.signIn(http, email, PASSWORD);

		var wrong = post(here, "/account/password",
				Map.of("current", "a wrong password", "password", "a new long password"));
		assertThat(wrong.status()).isEqualTo(422);
		assertThat(wrong.html().selectFirst(".form-error").text()).isEqualTo("The current password is not right.");

		var changed = post(here, "/account/password", Map.of("current", PASSWORD, "password", "a new long password"));
		assertThat(changed.status()).isEqualTo(302);
		var page = here.get(changed.header("Location").replaceFirst("^https?://[^/]+", ""));
		assertThat(page.status()).as("this device stays signed in").isEqualTo(200);
		assertThat(page.html().selectFirst(".notice").text()).startsWith("Your password is changed.");
		assertThat(elsewhere.get("/account").status()).as("the other device is signed out").isEqualTo(302);
		BrowserSession.signIn(http, email, "a new long password");
		assertThatThrownBy(() -> BrowserSession.signIn(http, email, PASSWORD)).isInstanceOf(AssertionError.class);
	}

	@Test
	void aNewDisplayNameShowsInTheMastheadAtOnce() {
		String email = "renamed" + unique() + "@example.org";
		identity.createAccount(new NewAccount(email, PASSWORD, "Old Name", Role.READER));
		var session = BrowserSession.signIn(http, email, PASSWORD);

		var saved = post(session, "/account/name", Map.of("name", "Новое Имя"));

		assertThat(saved.status()).isEqualTo(302);
		var page = session.get("/account?done=name");
		assertThat(page.html().selectFirst(".signed-in b").text()).isEqualTo("Новое Имя");
		assertThat(page.html().selectFirst(".notice").text()).isEqualTo("Your name is saved.");
		var empty = post(session, "/account/name", Map.of("name", "  "));
		assertThat(empty.status()).isEqualTo(422);
		assertThat(empty.html().selectFirst(".form-error").text()).isEqualTo("The name cannot be empty.");
	}

	@Test
	void theAvatarIsACacheableSvgOfTheInitialsOnTheAccountsOwnColour() {
		var first = identity.createAccount(
				new NewAccount("avatar" + unique() + "@example.org", PASSWORD, "Тарас Шевченко", Role.READER));
		var second = identity
			.createAccount(new NewAccount("avatar" + unique() + "@example.org", PASSWORD, "ada lovelace", Role.READER));

		var one = http.get("/avatars/" + first.id() + ".svg");
		var two = http.get("/avatars/" + second.id() + ".svg");

		assertThat(one.status()).isEqualTo(200);
		assertThat(one.header("Content-Type")).startsWith("image/svg+xml");
		assertThat(one.header("Cache-Control")).contains("public").contains("max-age");
		assertThat(one.cookies()).as("an image sets no cookie").isEmpty();
		assertThat(one.body()).contains(">ТШ</text>");
		assertThat(two.body()).contains(">AL</text>");
		String fill = "fill=\"(hsl\\([^\"]+\\))\"";
		var colour1 = java.util.regex.Pattern.compile(fill)
			.matcher(one.body())
			.results()
			.findFirst()
			.orElseThrow()
			.group(1);
		var colour2 = java.util.regex.Pattern.compile(fill)
			.matcher(two.body())
			.results()
			.findFirst()
			.orElseThrow()
			.group(1);
		assertThat(colour1).isNotEqualTo(colour2);
		assertThat(http.get("/avatars/" + first.id() + ".svg").body()).as("the same every time").isEqualTo(one.body());
		assertThat(http.get("/avatars/999999999.svg").status()).isEqualTo(404);
	}

	@Test
	void theMastheadShowsTheAvatarAndAnAccountLinkWhenSignedIn() {
		String email = "masthead" + unique() + "@example.org";
		var account = identity.createAccount(new NewAccount(email, PASSWORD, "Masthead Reader", Role.READER));
		var session = BrowserSession.signIn(http, email, PASSWORD);

		var front = session.get("/");

		assertThat(front.html().selectFirst(".signed-in img.avatar").attr("src"))
			.isEqualTo("/avatars/" + account.id() + ".svg");
		assertThat(front.html().selectFirst(".signed-in img.avatar").attr("alt")).isEmpty();
		assertThat(front.html().select(".account-nav a[href=/account]")).hasSize(1);
	}

}
