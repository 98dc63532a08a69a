package org.veche.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.veche.support.BrowserSession;
import org.veche.support.Http;
import org.veche.support.OidcIntegrationTest;

/**
 * The account page's connected accounts, against the real OpenID Connect issuer: the
 * list, linking another provider while signed in (no password asked, the session proves
 * the account), unlinking, and the account that would be left without a way to sign in.
 */
class ConnectedAccountsIT extends OidcIntegrationTest {

	private static Http.Response post(BrowserSession session, String path, Map<String, String> fields) {
		var withToken = new java.util.HashMap<>(fields);
		withToken.put("_csrf", BrowserSession.csrfToken(session.get("/account").html()));
		return session.postForm(path, withToken);
	}

	private static BrowserSession signInWithIssuer(Http http, String issuer, String client, String subject,
			String name) {
		nextSignIn(issuer, client, subject, Map.of("name", name));
		var session = new BrowserSession(http.from(newAddress()));
		var callback = authorize(session, "/oauth2/authorization/" + issuer);
		assertThat(callback.status()).isEqualTo(302);
		return session;
	}

	@Test
	void anExternalAccountLinksAnotherProviderWithoutAPasswordAndThenSignsInWithEither() {
		String name = "Linking Reader " + unique();
		var session = signInWithIssuer(http, "oidc", OIDC_CLIENT, UUID.randomUUID().toString(), name);
		var page = session.get("/account").html();
		assertThat(page.select(".connected .identities li .identity-provider").eachText())
			.containsExactly("Example ID");
		assertThat(page.select(".connected .link-provider button[name=provider]").eachAttr("value"))
			.containsExactly("google");
		assertThat(page.select(".connected .no-password").text()).contains("has no password");

		String googleSubject = UUID.randomUUID().toString();
		nextSignIn("google", GOOGLE_CLIENT, googleSubject, Map.of("name", "Google Name " + unique()));
		var start = post(session, "/account/identities/link", Map.of("provider", "google"));
		assertThat(location(start)).isEqualTo("/oauth2/authorization/google");
		var callback = authorize(session, location(start));
		assertThat(location(callback)).isEqualTo("/account?done=linked");

		var linked = session.get("/account?done=linked").html();
		assertThat(linked.select(".notice").text())
			.isEqualTo("The account is connected: you can sign in with it from now on.");
		assertThat(linked.select(".connected .identities li .identity-provider").eachText())
			.containsExactly("Example ID", "Google");
		assertThat(linked.select(".signed-in b").text()).isEqualTo(name);
		assertThat(linked.select(".connected .link-provider")).isEmpty();

		var withGoogle = signInWithIssuer(http, "google", GOOGLE_CLIENT, googleSubject, "Another Name");
		assertThat(withGoogle.get("/account").html().select(".signed-in b").text()).isEqualTo(name);
	}

	@Test
	void theLastIdentityOfAnAccountWithoutAPasswordCannotBeUnlinkedButASecondOneCan() {
		String name = "Unlinking Reader " + unique();
		String oidcSubject = UUID.randomUUID().toString();
		var session = signInWithIssuer(http, "oidc", OIDC_CLIENT, oidcSubject, name);
		String only = session.get("/account").html().selectFirst(".connected .identities form").attr("action");

		var refused = post(session, only, Map.of());
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.html().select(".connected .form-error").text())
			.isEqualTo("This is your only way to sign in: set a password or connect another account first.");
		assertThat(refused.html().select(".connected .identities li")).hasSize(1);

		nextSignIn("google", GOOGLE_CLIENT, UUID.randomUUID().toString(), Map.of("name", "Second"));
		authorize(session, location(post(session, "/account/identities/link", Map.of("provider", "google"))));
		var unlinked = post(session, only, Map.of());
		assertThat(location(unlinked)).isEqualTo("/account?done=unlinked");
		var after = session.get("/account").html();
		assertThat(after.select(".connected .identities li .identity-provider").eachText()).containsExactly("Google");

		// the unlinked identity no longer reaches the account: it makes a new one
		var again = signInWithIssuer(http, "oidc", OIDC_CLIENT, oidcSubject, "Fresh Person " + unique());
		assertThat(again.get("/account").html().select(".signed-in b").text()).startsWith("Fresh Person");
		// and the Google identity, now the last way in, stays
		String google = after.selectFirst(".connected .identities form").attr("action");
		assertThat(post(session, google, Map.of()).status()).isEqualTo(409);
	}

	@Test
	void anAccountWithAPasswordMayUnlinkItsOnlyIdentity() {
		String email = "password" + unique() + "@example.org";
		String password = "correct horse battery " + unique();
		identity.createAccount(new NewAccount(email, password, "Password Reader " + unique(), Role.READER));
		var session = BrowserSession.signIn(http.from(newAddress()), email, password);
		assertThat(session.get("/account").html().select(".connected").text())
			.contains("No external account is connected");

		nextSignIn("oidc", OIDC_CLIENT, UUID.randomUUID().toString(), Map.of("name", "Linked Later"));
		var callback = authorize(session,
				location(post(session, "/account/identities/link", Map.of("provider", "oidc"))));
		assertThat(location(callback)).isEqualTo("/account?done=linked");
		var page = session.get("/account").html();
		assertThat(page.select(".connected .identities li").text()).contains("Example ID").contains("Linked Later");
		assertThat(page.select(".connected .no-password")).isEmpty();

		var unlinked = post(session, page.selectFirst(".connected .identities form").attr("action"), Map.of());
		assertThat(location(unlinked)).isEqualTo("/account?done=unlinked");
		assertThat(session.get("/account").html().select(".connected .identities li")).isEmpty();
	}

	@Test
	void anIdentityThatSignsIntoAnotherAccountIsNotLinked() {
		String taken = UUID.randomUUID().toString();
		var owner = signInWithIssuer(http, "google", GOOGLE_CLIENT, taken, "Owner " + unique());
		String ownerName = owner.get("/account").html().select(".signed-in b").text();

		var session = signInWithIssuer(http, "oidc", OIDC_CLIENT, UUID.randomUUID().toString(), "Other " + unique());
		nextSignIn("google", GOOGLE_CLIENT, taken, Map.of("name", "Whatever"));
		var callback = authorize(session,
				location(post(session, "/account/identities/link", Map.of("provider", "google"))));
		assertThat(location(callback)).isEqualTo("/account?error=taken");
		var page = session.get("/account?error=taken");
		assertThat(page.status()).isEqualTo(409);
		assertThat(page.html().select(".connected .form-error").text()).contains("already signs into another account");
		assertThat(page.html().select(".connected .identities li .identity-provider").eachText())
			.containsExactly("Example ID");
		assertThat(page.html().select(".signed-in b").text()).startsWith("Other");

		var ownerAgain = signInWithIssuer(http, "google", GOOGLE_CLIENT, taken, "x");
		assertThat(ownerAgain.get("/account").html().select(".signed-in b").text()).isEqualTo(ownerName);
	}

	@Test
	void anotherAccountsIdentityCannotBeUnlinkedAndAnUnknownProviderIsRefused() {
		var first = signInWithIssuer(http, "oidc", OIDC_CLIENT, UUID.randomUUID().toString(), "First " + unique());
		String firstIdentity = first.get("/account").html().selectFirst(".connected .identities form").attr("action");
		String email = "stranger" + unique() + "@example.org";
		String password = "correct horse battery " + unique();
		identity.createAccount(new NewAccount(email, password, "Stranger", Role.READER));
		var stranger = BrowserSession.signIn(http.from(newAddress()), email, password);

		assertThat(post(stranger, firstIdentity, Map.of()).status()).isEqualTo(404);
		assertThat(first.get("/account").html().select(".connected .identities li")).hasSize(1);
		var unknown = post(stranger, "/account/identities/link", Map.of("provider", "nowhere"));
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.html().select(".connected .form-error").text())
			.isEqualTo("Choose one of the offered providers.");
	}

}
