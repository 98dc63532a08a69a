package org.veche.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import org.veche.support.BrowserSession;
import org.veche.support.IntegrationTest;

/**
 * A site with two sign-in providers configured, and its own database, in which one
 * administrator is the only one: the settings page lists the providers with the callback
 * URL each needs, and the last administrator cannot demote or suspend themselves.
 */
@TestPropertySource(properties = { "spring.security.oauth2.client.registration.github.client-id=admin-settings-github",
		"spring.security.oauth2.client.registration.github.client-secret=not-a-secret",
		"spring.security.oauth2.client.registration.google.client-id=admin-settings-google",
		"spring.security.oauth2.client.registration.google.client-secret=not-a-secret" })
class AdminSettingsIT extends IntegrationTest {

	private static final String EMAIL = "only-admin@example.org";

	private static final String PASSWORD = "the only administrator here";

	private BrowserSession admin;

	private long adminId;

	@BeforeEach
	void signInAsTheOnlyAdministrator() {
		if (!identity.hasAccounts()) {
			identity.createFirstAdministrator(EMAIL, PASSWORD, "Only Admin");
		}
		adminId = identity.accounts(EMAIL, 1, 10).accounts().getFirst().id();
		admin = BrowserSession.signIn(http, EMAIL, PASSWORD);
	}

	@Test
	void theSettingsPageListsTheConfiguredProvidersWithTheirCallbackUrls() {
		var page = admin.get("/admin");

		assertThat(page.status()).isEqualTo(200);
		var html = page.html();
		assertThat(html.select("tr[data-provider]").eachAttr("data-provider")).containsExactlyInAnyOrder("github",
				"google");
		assertThat(html.selectFirst("tr[data-provider=github] .callback").text())
			.isEqualTo("http://localhost:" + port + "/login/oauth2/code/github");
		assertThat(html.selectFirst("tr[data-provider=google] .callback").text())
			.isEqualTo("http://localhost:" + port + "/login/oauth2/code/google");
		assertThat(html.selectFirst("tr[data-provider=google]").text()).contains("https://accounts.google.com");
		assertThat(html.text()).contains("Any OpenID Connect issuer")
			.contains("spring.security.oauth2.client.provider.example.issuer-uri");
		assertThat(html.select("a[href=/admin/users]")).isNotEmpty();
	}

	@Test
	void theLastAdministratorCannotDemoteOrSuspendThemselves() {
		String csrf = BrowserSession.csrfToken(admin.get("/admin/users").html());

		var demote = admin.postForm("/admin/users/" + adminId + "/role", Map.of("_csrf", csrf, "role", "EDITOR"));
		var suspend = admin.postForm("/admin/users/" + adminId + "/suspend", Map.of("_csrf", csrf));

		for (var refused : java.util.List.of(demote, suspend)) {
			assertThat(refused.status()).isEqualTo(409);
			assertThat(refused.html().selectFirst(".form-error").text())
				.isEqualTo("This is the last administrator: make another administrator first.");
		}
		assertThat(admin.get("/admin").status()).as("still an administrator").isEqualTo(200);

		// with a second administrator the first may step down, and the second can restore
		// them
		String secondEmail = "second-admin" + unique() + "@example.org";
		identity.createAccount(new NewAccount(secondEmail, PASSWORD, "Second Admin", Role.ADMINISTRATOR));
		var stepDown = admin.postForm("/admin/users/" + adminId + "/role", Map.of("_csrf", csrf, "role", "EDITOR"));
		assertThat(stepDown.status()).isEqualTo(302);
		assertThat(admin.get("/admin").status()).as("an editor now").isEqualTo(403);
		var second = BrowserSession.signIn(http, secondEmail, PASSWORD);
		String secondCsrf = BrowserSession.csrfToken(second.get("/admin/users").html());
		assertThat(second
			.postForm("/admin/users/" + adminId + "/role", Map.of("_csrf", secondCsrf, "role", "ADMINISTRATOR"))
			.status()).isEqualTo(302);
		assertThat(admin.get("/admin").status()).isEqualTo(200);
	}

}
