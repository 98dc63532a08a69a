package org.veche.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.veche.support.BrowserSession;
import org.veche.support.Http;
import org.veche.support.IntegrationTest;

/**
 * Sign-in under attack: throttling per e-mail and per address, the same answer for
 * unknown e-mails, and the remember-me cookie.
 */
class SignInSecurityIT extends IntegrationTest {

	private static final String PASSWORD = "the right password";

	private String account() {
		String email = "guarded" + unique() + "@example.org";
		identity.createAccount(new NewAccount(email, PASSWORD, "Guarded", Role.READER));
		return email;
	}

	private static Http.Response attempt(BrowserSession session, String email, String password) {
		var form = session.get("/login");
		return session.postForm("/login",
				Map.of("username", email, "password", password, "_csrf", BrowserSession.csrfToken(form.html())));
	}

	@Test
	void afterFiveWrongPasswordsTheSixthAttemptIsThrottledEvenWithTheRightPassword() {
		String email = account();
		var attacker = new BrowserSession(http.from(newAddress()));
		for (int i = 0; i < 5; i++) {
			var wrong = attempt(attacker, email, "wrong password " + i);
			assertThat(wrong.header("Location")).as("failure %d", i + 1).endsWith("/login?error");
		}

		// from another address too: the limit belongs to the account
		var owner = new BrowserSession(http.from(newAddress()));
		var right = attempt(owner, email, PASSWORD);

		assertThat(right.status()).isEqualTo(302);
		assertThat(right.header("Location")).endsWith("/login?throttled=15");
		var page = owner.get("/login?throttled=15");
		assertThat(page.html().selectFirst(".form-error").text())
			.isEqualTo("Too many attempts; try again in 15 minutes.");
		assertThat(owner.get("/account").status()).as("not signed in").isEqualTo(302);
	}

	@Test
	void anotherAccountIsNotTouchedByOneAccountsThrottling() {
		String attacked = account();
		String other = account();
		String address = newAddress();
		var session = new BrowserSession(http.from(address));
		for (int i = 0; i < 5; i++) {
			attempt(session, attacked, "wrong password " + i);
		}

		var signIn = attempt(new BrowserSession(http.from(address)), other, PASSWORD);

		assertThat(signIn.header("Location")).doesNotContain("throttled").doesNotContain("error");
	}

	@Test
	void oneAddressFailingForManyAccountsIsThrottledForEveryAccount() {
		String address = newAddress();
		for (int i = 0; i < 20; i++) {
			attempt(new BrowserSession(http.from(address)), "nobody" + unique() + "@example.org", "guess " + i);
		}
		String email = account();

		var fromThere = attempt(new BrowserSession(http.from(address)), email, PASSWORD);
		var fromElsewhere = attempt(new BrowserSession(http.from(newAddress())), email, PASSWORD);

		assertThat(fromThere.header("Location")).contains("/login?throttled=");
		assertThat(fromElsewhere.header("Location")).doesNotContain("throttled").doesNotContain("error");
	}

	@Test
	void anUnknownEmailAndAWrongPasswordGetTheSameAnswer() {
		String email = account();

		var unknown = attempt(new BrowserSession(http.from(newAddress())), "unknown" + unique() + "@example.org",
				PASSWORD);
		var wrong = attempt(new BrowserSession(http.from(newAddress())), email, "not the password");

		assertThat(unknown.status()).isEqualTo(wrong.status()).isEqualTo(302);
		assertThat(unknown.header("Location")).isEqualTo(wrong.header("Location"));
	}

	@Test
	void theTokenEndpointIsThrottledPerEmailWithAProblem() {
		String email = account();
		Http client = http.from(newAddress());
		for (int i = 0; i < 5; i++) {
			assertThat(client.postJson("/api/v1/auth/token", Map.of("email", email, "password", "wrong " + i)).status())
				.isEqualTo(401);
		}

		var throttled = http.from(newAddress())
			.postJson("/api/v1/auth/token", Map.of("email", email, "password", PASSWORD));

		assertThat(throttled.status()).isEqualTo(429);
		assertThat(throttled.header("Content-Type")).startsWith("application/problem+json");
		assertThat(throttled.json().get("detail").asString()).isEqualTo("Too many attempts; try again in 15 minutes.");
	}

	@Test
	void theTokenEndpointAnswersAnUnknownEmailAsAWrongPassword() {
		String email = account();

		var unknown = http.from(newAddress())
			.postJson("/api/v1/auth/token", Map.of("email", "ghost" + unique() + "@example.org", "password", PASSWORD));
		var wrong = http.from(newAddress())
			.postJson("/api/v1/auth/token", Map.of("email", email, "password", "nope nope"));

		assertThat(unknown.status()).isEqualTo(wrong.status()).isEqualTo(401);
		assertThat(unknown.json().get("detail")).isEqualTo(wrong.json().get("detail"));
	}

	@Test
	void aRememberMeCookieAloneSignsTheReaderInInANewBrowserSession() {
		String email = account();
		var session = new BrowserSession(http);
		var form = session.get("/login");
		assertThat(form.html().select("input[type=checkbox][name=remember-me]")).hasSize(1);
		assertThat(form.html().selectFirst("label[for=remember-me]").text()).isEqualTo("Remember me");
		session.postForm("/login", Map.of("username", email, "password", PASSWORD, "remember-me", "true", "_csrf",
				BrowserSession.csrfToken(form.html())));
		assertThat(session.hasCookie("veche_remember")).isTrue();

		var fresh = http.with("Cookie", "veche_remember=" + session.cookie("veche_remember"))
			.with("Accept", "text/html")
			.get("/account");

		assertThat(fresh.status()).isEqualTo(200);
		assertThat(fresh.html().selectFirst(".signed-in b").text()).isEqualTo("Guarded");
	}

	@Test
	void aPasswordChangeEndsTheSessionsThatRememberMeStartedAndTheCookieStopsWorking() {
		String email = account();
		var remembered = new BrowserSession(http);
		var form = remembered.get("/login");
		remembered.postForm("/login", Map.of("username", email, "password", PASSWORD, "remember-me", "true", "_csrf",
				BrowserSession.csrfToken(form.html())));
		String cookie = "veche_remember=" + remembered.cookie("veche_remember");
		var autoSignedIn = http.with("Cookie", cookie).with("Accept", "text/html").get("/account");
		assertThat(autoSignedIn.status()).isEqualTo(200);
		String session = autoSignedIn.cookies()
			.stream()
			.filter(c -> c.startsWith("veche_session="))
			.findFirst()
			.orElseThrow()
			.split(";", 2)[0];

		var here = BrowserSession.signIn(http, email, PASSWORD);
		var page = here.get("/account");
		here.postForm("/account/password", Map.of("current", PASSWORD, "password", "a changed long password", "_csrf",
				BrowserSession.csrfToken(page.html())));

		assertThat(http.with("Cookie", session).with("Accept", "text/html").get("/account").status())
			.as("the session the cookie started is over")
			.isEqualTo(302);
		assertThat(http.with("Cookie", cookie).with("Accept", "text/html").get("/account").status())
			.as("the cookie signed the old password")
			.isEqualTo(302);
	}

	@Test
	void behindATlsProxyTheSessionAndRememberMeCookiesAreSecureAndOverPlainHttpTheyAreNot() {
		String email = account();
		var secure = new BrowserSession(http.with("X-Forwarded-Proto", "https"));
		var form = secure.get("/login");
		var signedIn = secure.postForm("/login", Map.of("username", email, "password", PASSWORD, "remember-me", "true",
				"_csrf", BrowserSession.csrfToken(form.html())));
		var plain = new BrowserSession(http).get("/login");

		assertThat(form.cookies())
			.anySatisfy(c -> assertThat(c).startsWith("veche_session=").containsIgnoringCase("; Secure"));
		assertThat(signedIn.cookies())
			.anySatisfy(c -> assertThat(c).startsWith("veche_remember=").containsIgnoringCase("; Secure"));
		assertThat(signedIn.cookies()).allSatisfy(c -> assertThat(c).containsIgnoringCase("HttpOnly"));
		assertThat(plain.cookies())
			.anySatisfy(c -> assertThat(c).startsWith("veche_session=").doesNotContainIgnoringCase("Secure"));
	}

	@Test
	void withoutRememberMeNoSuchCookieIsSet() {
		String email = account();

		var session = BrowserSession.signIn(http, email, PASSWORD);

		assertThat(session.hasCookie("veche_remember")).isFalse();
		assertThat(http.with("Accept", "text/html").get("/account").status()).isEqualTo(302);
	}

}
