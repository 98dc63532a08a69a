package org.veche.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.veche.support.BrowserSession;
import org.veche.support.OidcIntegrationTest;

/**
 * The full authorization-code flow against a real OpenID Connect issuer: a generic issuer
 * and one configured like Google; new identities, returning ones, and an e-mail that
 * belongs to an existing account.
 */
class ExternalSignInIT extends OidcIntegrationTest {

	@Test
	void theSignInPageListsExactlyTheConfiguredProviders() {
		var page = new BrowserSession(http).get("/login").html();
		assertThat(page.select(".sign-in-providers a").eachText()).containsExactly("Example ID", "Google");
		assertThat(page.select(".sign-in-providers a").eachAttr("href")).containsExactly("/oauth2/authorization/oidc",
				"/oauth2/authorization/google");
	}

	@Test
	void aNewIdentityCreatesAReaderAccountAndCommentsAsIt() {
		String slug = publishArticle(tokenFor(Role.EDITOR), "External sign-in " + unique());
		String subject = UUID.randomUUID().toString();
		String name = "Olga Issuer " + unique();
		nextSignIn("oidc", OIDC_CLIENT, subject, Map.of("name", name));
		var session = new BrowserSession(http.from(newAddress()));
		var callback = authorize(session, "/oauth2/authorization/oidc");
		assertThat(callback.status()).isEqualTo(302);
		assertThat(location(callback)).isEqualTo("/");

		var article = session.get("/articles/" + slug).html();
		assertThat(article.select("#respond .commenting-as").text()).contains(name)
			.contains("You are commenting using your Example ID account.");
		assertThat(article.select("#respond input[name=author]")).isEmpty();

		var posted = session.postForm("/articles/" + slug + "/comments",
				Map.of("comment", "Signed in through the issuer", "_csrf", BrowserSession.csrfToken(article)));
		assertThat(posted.status()).isEqualTo(302);
		var comments = http.get("/api/v1/articles/" + slug + "/comments").json().get("comments");
		assertThat(comments.get(0).get("author").get("name").asString()).isEqualTo(name);
	}

	@Test
	void theSameSubjectSignsIntoTheSameAccountNextTime() {
		String slug = publishArticle(tokenFor(Role.EDITOR), "Returning reader " + unique());
		String subject = UUID.randomUUID().toString();
		nextSignIn("google", GOOGLE_CLIENT, subject, Map.of("name", "First Name " + unique()));
		var first = new BrowserSession(http.from(newAddress()));
		assertThat(location(authorize(first, "/oauth2/authorization/google"))).isEqualTo("/");
		var firstPage = first.get("/articles/" + slug).html();
		assertThat(firstPage.select("#respond .commenting-with").text())
			.isEqualTo("You are commenting using your Google account.");
		first.postForm("/articles/" + slug + "/comments",
				Map.of("comment", "First visit", "_csrf", BrowserSession.csrfToken(firstPage)));

		// the provider may report another name the next time: the account, not the claim,
		// decides
		String firstName = first.get("/").html().select(".signed-in b").text();
		assertThat(firstName).startsWith("First Name");
		nextSignIn("google", GOOGLE_CLIENT, subject, Map.of("name", "Renamed " + unique()));
		var second = new BrowserSession(http.from(newAddress()));
		assertThat(location(authorize(second, "/oauth2/authorization/google"))).isEqualTo("/");
		assertThat(second.get("/").html().select(".signed-in b").text()).isEqualTo(firstName);
		// and its comments are that account's: one e-mail may post once per flood
		// interval, so the second is held off
		var secondPage = second.get("/articles/" + slug).html();
		var refused = second.postForm("/articles/" + slug + "/comments",
				Map.of("comment", "Second visit", "_csrf", BrowserSession.csrfToken(secondPage)));
		assertThat(refused.status()).isEqualTo(429);
		var comments = http.get("/api/v1/articles/" + slug + "/comments").json().get("comments");
		assertThat(comments.size()).isEqualTo(1);
		assertThat(comments.get(0).get("author").get("name").asString()).isEqualTo(firstName);
	}

	@Test
	void aVerifiedEmailOfAnExistingAccountAsksBeforeLinkingAndLinksOnlyWithThePassword() {
		String email = "existing" + unique() + "@example.org";
		String password = "correct horse battery " + unique();
		Account existing = identity
			.createAccount(new NewAccount(email, password, "Existing Reader " + unique(), Role.READER));
		String subject = UUID.randomUUID().toString();
		Map<String, Object> claims = new HashMap<>(
				Map.of("name", "Claimed Name", "email", email, "email_verified", true));

		nextSignIn("oidc", OIDC_CLIENT, subject, claims);
		var session = new BrowserSession(http.from(newAddress()));
		var callback = authorize(session, "/oauth2/authorization/oidc");
		assertThat(location(callback)).isEqualTo("/login/link");
		var ask = session.get("/login/link");
		assertThat(ask.html().select("main, body").text())
			.contains("An account with this e-mail (" + email + ") exists");
		// not signed in, and nothing linked: the next sign-in with the same subject asks
		// again
		assertThat(session.get("/").html().select(".signed-in")).isEmpty();

		var wrong = session.postForm("/login/link",
				Map.of("password", "not the password at all", "_csrf", BrowserSession.csrfToken(ask.html())));
		assertThat(wrong.status()).isEqualTo(400);
		assertThat(session.get("/").html().select(".signed-in")).isEmpty();

		nextSignIn("oidc", OIDC_CLIENT, subject, claims);
		var again = new BrowserSession(http.from(newAddress()));
		assertThat(location(authorize(again, "/oauth2/authorization/oidc"))).isEqualTo("/login/link");
		var askAgain = again.get("/login/link").html();
		var linked = again.postForm("/login/link",
				Map.of("password", password, "_csrf", BrowserSession.csrfToken(askAgain)));
		assertThat(linked.status()).isEqualTo(302);
		assertThat(again.get("/").html().select(".signed-in").text()).contains(existing.displayName());

		// linked now: the provider alone signs into the existing account
		nextSignIn("oidc", OIDC_CLIENT, subject, claims);
		var later = new BrowserSession(http.from(newAddress()));
		assertThat(location(authorize(later, "/oauth2/authorization/oidc"))).isEqualTo("/");
		assertThat(later.get("/").html().select(".signed-in").text()).contains(existing.displayName());
	}

	@Test
	void continuingWithASeparateAccountLeavesTheExistingOneAlone() {
		String email = "separate" + unique() + "@example.org";
		Account existing = identity.createAccount(
				new NewAccount(email, "correct horse battery " + unique(), "Owner " + unique(), Role.READER));
		String subject = UUID.randomUUID().toString();
		Map<String, Object> claims = Map.of("name", "Separate Person", "email", email, "email_verified", true);
		nextSignIn("oidc", OIDC_CLIENT, subject, claims);
		var session = new BrowserSession(http.from(newAddress()));
		assertThat(location(authorize(session, "/oauth2/authorization/oidc"))).isEqualTo("/login/link");
		var ask = session.get("/login/link").html();
		var separate = session.postForm("/login/link/separate", Map.of("_csrf", BrowserSession.csrfToken(ask)));
		assertThat(location(separate)).isEqualTo("/");
		assertThat(session.get("/").html().select(".signed-in b").text()).isEqualTo("Separate Person");

		// the identity now belongs to the separate account: no question the next time,
		// and never the owner's
		nextSignIn("oidc", OIDC_CLIENT, subject, claims);
		var later = new BrowserSession(http.from(newAddress()));
		assertThat(location(authorize(later, "/oauth2/authorization/oidc"))).isEqualTo("/");
		assertThat(later.get("/").html().select(".signed-in b").text()).isEqualTo("Separate Person")
			.isNotEqualTo(existing.displayName());
	}

	@Test
	void anUnverifiedEmailOfAnExistingAccountNeverLinksButMakesASeparateAccount() {
		String email = "unverified" + unique() + "@example.org";
		Account existing = identity.createAccount(
				new NewAccount(email, "correct horse battery " + unique(), "Owner " + unique(), Role.READER));
		nextSignIn("oidc", OIDC_CLIENT, UUID.randomUUID().toString(),
				Map.of("name", "Someone Else", "email", email, "email_verified", false));
		var session = new BrowserSession(http.from(newAddress()));
		assertThat(location(authorize(session, "/oauth2/authorization/oidc"))).isEqualTo("/");
		String greeting = session.get("/").html().select(".signed-in").text();
		assertThat(greeting).contains("Someone Else").doesNotContain(existing.displayName());
	}

	@Test
	void theDraftSurvivesTheRoundTripAndTheReaderComesBackToTheSameReply() {
		String slug = publishArticle(tokenFor(Role.EDITOR), "Draft round trip " + unique());
		long parent = postCommentAsReader(slug);
		var session = new BrowserSession(http.from(newAddress()));
		var article = session.get("/articles/" + slug + "?replytocom=" + parent).html();
		assertThat(article.select("#respond .sign-in-choices button[name=provider]").eachText())
			.containsExactly("Example ID", "Google", "E-mail and password");

		nextSignIn("oidc", OIDC_CLIENT, UUID.randomUUID().toString(), Map.of("name", "Drafting Reader"));
		var fields = new HashMap<String, String>(Map.of("provider", "oidc", "comment_parent", String.valueOf(parent),
				"comment", "Typed before signing in"));
		var start = session.postForm("/articles/" + slug + "/comments/sign-in", fields);
		assertThat(location(start)).isEqualTo("/oauth2/authorization/oidc");
		var callback = authorize(session, location(start));
		assertThat(location(callback)).isEqualTo("/articles/" + slug + "?replytocom=" + parent + "#respond");

		var back = session.get("/articles/" + slug + "?replytocom=" + parent).html();
		assertThat(back.select("#respond textarea[name=comment]").text()).isEqualTo("Typed before signing in");
		assertThat(back.select("#respond input[name=comment_parent]").val()).isEqualTo(String.valueOf(parent));
		assertThat(back.select("#respond .commenting-with").text()).contains("Example ID");
	}

	@Test
	void theDraftAlsoSurvivesSigningInWithAPassword() {
		String slug = publishArticle(tokenFor(Role.EDITOR), "Draft local sign-in " + unique());
		String email = "local" + unique() + "@example.org";
		String password = "correct horse battery " + unique();
		identity.createAccount(new NewAccount(email, password, "Local Reader " + unique(), Role.READER));
		var session = new BrowserSession(http.from(newAddress()));
		var start = session.postForm("/articles/" + slug + "/comments/sign-in",
				Map.of("provider", "local", "comment", "Typed before the password"));
		assertThat(location(start)).isEqualTo("/login");
		var login = session.get("/login").html();
		var signedIn = session.postForm("/login",
				Map.of("username", email, "password", password, "_csrf", BrowserSession.csrfToken(login)));
		assertThat(location(signedIn)).isEqualTo("/articles/" + slug + "#respond");
		var back = session.get("/articles/" + slug).html();
		assertThat(back.select("#respond textarea[name=comment]").text()).isEqualTo("Typed before the password");
		assertThat(back.select("#respond .commenting-with").text()).startsWith("You are commenting as Local Reader");
	}

	@Test
	void anUnknownProviderOnTheFormIsABadRequest() {
		String slug = publishArticle(tokenFor(Role.EDITOR), "Unknown provider " + unique());
		var refused = new BrowserSession(http.from(newAddress())).postForm("/articles/" + slug + "/comments/sign-in",
				Map.of("provider", "nowhere", "comment", "x"));
		assertThat(refused.status()).isEqualTo(400);
	}

	private long postCommentAsReader(String slug) {
		nextSignIn("oidc", OIDC_CLIENT, UUID.randomUUID().toString(), Map.of("name", "Parent Author"));
		var author = new BrowserSession(http.from(newAddress()));
		authorize(author, "/oauth2/authorization/oidc");
		var page = author.get("/articles/" + slug).html();
		var posted = author.postForm("/articles/" + slug + "/comments",
				Map.of("comment", "The parent comment", "_csrf", BrowserSession.csrfToken(page)));
		String location = location(posted);
		return Long.parseLong(location.substring(location.indexOf("posted=") + 7, location.indexOf('#')));
	}

}
