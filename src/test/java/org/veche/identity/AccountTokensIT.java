package org.veche.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.veche.support.BrowserSession;
import org.veche.support.IntegrationTest;

/**
 * Personal API tokens on /account/tokens: made with a name and shown once, listed with
 * when they were last used, and revoked so that they stop at once.
 */
class AccountTokensIT extends IntegrationTest {

	private BrowserSession author;

	@BeforeEach
	void signIn() {
		String email = "tokens" + unique() + "@example.org";
		String password = "correct horse battery " + unique();
		identity.createAccount(new NewAccount(email, password, "Token Keeper", Role.AUTHOR));
		author = BrowserSession.signIn(http, email, password);
	}

	private String csrf() {
		return BrowserSession.csrfToken(author.get("/account/tokens").html());
	}

	private int createDraft(String token) {
		return http.bearer(token)
			.postJson("/api/v1/articles", Map.of("title", "Scripted draft " + unique(), "status", "draft"))
			.status();
	}

	@Test
	void aNewTokenIsShownOnceWorksWithTheApiShowsWhenItWasUsedAndStopsWhenRevoked() {
		String name = "Newsroom script " + unique();

		var created = author.postForm("/account/tokens", Map.of("_csrf", csrf(), "name", name));

		assertThat(created.status()).isEqualTo(302);
		assertThat(created.header("Location")).endsWith("/account/tokens");
		var shown = author.get("/account/tokens");
		String token = shown.html().selectFirst("#new-token").text();
		assertThat(token).startsWith("vch_");
		var row = shown.html().selectFirst("tr[data-token]");
		assertThat(row.selectFirst(".name").text()).isEqualTo(name);
		assertThat(row.selectFirst(".last-used").text()).isEqualTo("Never");
		var again = author.get("/account/tokens");
		assertThat(again.html().select("#new-token")).as("shown only once").isEmpty();
		assertThat(again.body()).doesNotContain(token);

		assertThat(createDraft(token)).as("the token signs API requests in").isEqualTo(201);

		var used = author.get("/account/tokens").html().selectFirst("tr[data-token]");
		assertThat(used.selectFirst(".last-used").text()).isNotEqualTo("Never").isNotBlank();
		String id = used.attr("data-token");

		var revoked = author.postForm("/account/tokens/" + id + "/revoke", Map.of("_csrf", csrf()));

		assertThat(revoked.status()).isEqualTo(302);
		assertThat(revoked.header("Location")).endsWith("/account/tokens?revoked");
		var after = author.get("/account/tokens?revoked");
		assertThat(after.html().selectFirst(".notice").text()).isEqualTo("The token is revoked.");
		assertThat(after.html().select("tr[data-token=" + id + "]")).isEmpty();
		assertThat(createDraft(token)).as("revoked tokens stop at once").isEqualTo(401);
	}

	@Test
	void aTokenWithoutANameIsRefusedWithTheFormAgain() {
		var refused = author.postForm("/account/tokens", Map.of("_csrf", csrf(), "name", "   "));

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.html().selectFirst(".form-error").text()).isEqualTo("Give the token a name.");
		assertThat(refused.html().select("tr[data-token]")).isEmpty();
	}

	@Test
	void creatingOrRevokingWithoutTheCsrfTokenIsRefused() {
		var forged = author.postForm("/account/tokens", Map.of("name", "Forged " + unique()));

		assertThat(forged.status()).isEqualTo(403);
		assertThat(author.get("/account/tokens").html().select("tr[data-token]")).isEmpty();
	}

	@Test
	void nobodyRevokesAnotherAccountsToken() {
		author.postForm("/account/tokens", Map.of("_csrf", csrf(), "name", "Mine"));
		var page = author.get("/account/tokens").html();
		String token = page.selectFirst("#new-token").text();
		String id = page.selectFirst("tr[data-token]").attr("data-token");
		String email = "other" + unique() + "@example.org";
		String password = "correct horse battery " + unique();
		identity.createAccount(new NewAccount(email, password, "Someone Else", Role.READER));
		var other = BrowserSession.signIn(http, email, password);
		String csrf = BrowserSession.csrfToken(other.get("/account/tokens").html());

		var refused = other.postForm("/account/tokens/" + id + "/revoke", Map.of("_csrf", csrf));

		assertThat(refused.status()).isEqualTo(404);
		assertThat(refused.html().selectFirst(".form-error").text()).isEqualTo("No such token.");
		assertThat(createDraft(token)).as("still works").isEqualTo(201);
	}

	@Test
	void aReaderHasTheTokensPageAndAGuestIsSentToSignIn() {
		String email = "reader" + unique() + "@example.org";
		String password = "correct horse battery " + unique();
		identity.createAccount(new NewAccount(email, password, "Plain Reader", Role.READER));

		assertThat(BrowserSession.signIn(http, email, password).get("/account/tokens").status()).isEqualTo(200);
		var guest = new BrowserSession(http).get("/account/tokens");
		assertThat(guest.status()).isEqualTo(302);
		assertThat(guest.header("Location")).endsWith("/login");
	}

}
