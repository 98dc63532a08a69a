package org.veche.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.veche.identity.NewAccount;
import org.veche.identity.Role;
import org.veche.support.BrowserSession;
import org.veche.support.Http;
import org.veche.support.IntegrationTest;

/**
 * No parameter a stranger can put into a link sends a reader to another site: the
 * "continue" of signing out (the comment form's "log out" and "change account"), the
 * language switch, the embed sign-in's origin. Each hostile target is tried; every
 * Location the site answers stays on this host.
 */
class OpenRedirectIT extends IntegrationTest {

	static final List<String> HOSTILE = List.of("https://evil.example/", "//evil.example", "///evil.example",
			"/\\evil.example", "\\\\evil.example", "/\t/evil.example", "/%0d%0aLocation:%20https://evil.example",
			"http:evil.example", "javascript:alert(1)", "/%2F%2Fevil.example", " //evil.example",
			"/\u3000/evil.example", "//evil.example@localhost", "https:/\\evil.example");

	private void assertStaysHere(Http.Response response, String tried) {
		String location = response.header("Location");
		if (location == null) {
			return;
		}
		URI base = URI.create(http.url("/"));
		URI target = base.resolve(location.replace(" ", "%20").replace("\\", "%5C"));
		assertThat(location).as("Location for %s", tried).doesNotContain("\\").doesNotStartWith("//");
		assertThat(target.getScheme()).as("scheme of %s for %s", location, tried).isEqualTo("http");
		assertThat(target.getHost()).as("host of %s for %s", location, tried).isEqualTo(base.getHost());
		assertThat(target.getPort()).as("port of %s for %s", location, tried).isEqualTo(base.getPort());
	}

	@Test
	void signingOutNeverGoesElsewhere() {
		String email = "leaving" + unique() + "@example.org";
		String password = "correct horse battery " + unique();
		identity.createAccount(new NewAccount(email, password, "Leaving " + unique(), Role.READER));
		for (String target : HOSTILE) {
			BrowserSession session = BrowserSession.signIn(http, email, password);
			String token = BrowserSession.csrfToken(session.get("/account").html());
			var response = session.postForm("/logout", Map.of("_csrf", token, "continue", target));
			assertThat(response.status()).as("sign out with %s", target).isEqualTo(302);
			assertStaysHere(response, target);
		}
		// a path of this site is kept, so the comment form's buttons still work
		BrowserSession session = BrowserSession.signIn(http, email, password);
		String token = BrowserSession.csrfToken(session.get("/account").html());
		var response = session.postForm("/logout", Map.of("_csrf", token, "continue", "/articles/a#comments"));
		assertThat(response.header("Location")).endsWith("/articles/a#comments");
	}

	@Test
	void theLanguageSwitchAndTheEmbedSignInNeverRedirectElsewhere() {
		for (String target : HOSTILE) {
			String encoded = java.net.URLEncoder.encode(target, java.nio.charset.StandardCharsets.UTF_8);
			assertStaysHere(http.get("/?lang=" + encoded), target);
			assertStaysHere(http.get("/login?continue=" + encoded), target);
			assertStaysHere(http.get("/embed/sign-in?origin=" + encoded + "&token=" + "a".repeat(64)), target);
		}
	}

}
