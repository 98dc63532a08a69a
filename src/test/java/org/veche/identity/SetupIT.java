package org.veche.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.test.context.TestPropertySource;
import org.veche.support.BrowserSession;
import org.veche.support.IntegrationTest;

/**
 * The one-time setup page on a site with no account yet. It needs a site of its own (the
 * shared one has accounts), and its steps build on each other: refused attempts first,
 * then the one that makes the administrator, after which the page is gone.
 */
@TestPropertySource(properties = "veche.test.site=without-accounts")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SetupIT extends IntegrationTest {

	private static final String ADMIN_EMAIL = "founder@example.org";

	private static final String ADMIN_PASSWORD = "a long enough passphrase";

	private static Map<String, String> fields(String token, String email, String name, String password) {
		var fields = new HashMap<String, String>();
		if (token != null) {
			fields.put("_csrf", token);
		}
		fields.put("email", email);
		fields.put("name", name);
		fields.put("password", password);
		return fields;
	}

	@Test
	@Order(1)
	void theSetupPageShowsTheFormWhileNoAccountExists() {
		assertThat(identity.hasAccounts()).isFalse();
		var session = new BrowserSession(http);

		var response = session.get("/setup");

		assertThat(response.status()).isEqualTo(200);
		var form = response.html().selectFirst("form[action=/setup][method=post]");
		assertThat(form).isNotNull();
		assertThat(form.select("input[name=email]")).hasSize(1);
		assertThat(form.select("input[name=name]")).hasSize(1);
		assertThat(form.selectFirst("input[name=password]").attr("minlength")).isEqualTo("10");
		assertThat(BrowserSession.csrfToken(response.html())).isNotBlank();
	}

	@Test
	@Order(2)
	void aTooShortPasswordShowsTheFormAgainWith422AndTheMessage() {
		var session = new BrowserSession(http);
		String token = BrowserSession.csrfToken(session.get("/setup").html());

		var refused = session.postForm("/setup", fields(token, ADMIN_EMAIL, "Founder", "short"));

		assertThat(refused.status()).isEqualTo(422);
		var page = refused.html();
		assertThat(page.selectFirst(".form-error").text()).isEqualTo("The password must have at least 10 characters.");
		assertThat(page.selectFirst("input[name=email]").attr("value")).isEqualTo(ADMIN_EMAIL);
		assertThat(page.selectFirst("input[name=name]").attr("value")).isEqualTo("Founder");
		assertThat(identity.hasAccounts()).isFalse();
	}

	@Test
	@Order(3)
	void aMalformedEmailShowsTheFormAgainWith422() {
		var session = new BrowserSession(http);
		String token = BrowserSession.csrfToken(session.get("/setup").html());

		var refused = session.postForm("/setup", fields(token, "founder at example", "Founder", ADMIN_PASSWORD));

		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.html().selectFirst(".form-error").text())
			.isEqualTo("That e-mail address does not look right.");
		assertThat(identity.hasAccounts()).isFalse();
	}

	@Test
	@Order(4)
	void aSetupPostWithoutTheCsrfTokenIsRefused() {
		var session = new BrowserSession(http);
		session.get("/setup");

		var forged = session.postForm("/setup", fields(null, "intruder@example.org", "Intruder", ADMIN_PASSWORD));

		assertThat(forged.status()).isEqualTo(403);
		assertThat(http.postForm("/setup", fields(null, "intruder@example.org", "Intruder", ADMIN_PASSWORD)).status())
			.isEqualTo(403);
		assertThat(identity.hasAccounts()).isFalse();
	}

	@Test
	@Order(5)
	void aValidFormMakesTheAdministratorAndThenTheSetupPageIsGone() {
		var session = new BrowserSession(http);
		String token = BrowserSession.csrfToken(session.get("/setup").html());

		var created = session.postForm("/setup", fields(token, ADMIN_EMAIL, "Founder", ADMIN_PASSWORD));

		assertThat(created.status()).isEqualTo(302);
		assertThat(created.header("Location")).endsWith("/login?setup");
		assertThat(session.get("/login?setup").html().selectFirst(".notice").text())
			.isEqualTo("The administrator account is ready. Sign in.");

		var admin = BrowserSession.signIn(http, ADMIN_EMAIL, ADMIN_PASSWORD);
		var desk = admin.get("/editor");
		assertThat(desk.status()).as("an administrator may use the editor").isEqualTo(200);
		assertThat(desk.html().selectFirst(".signed-in b").text()).isEqualTo("Founder");

		var again = new BrowserSession(http);
		assertThat(again.get("/setup").status()).isEqualTo(404);
		String loginToken = BrowserSession.csrfToken(again.get("/login").html());
		var second = again.postForm("/setup", fields(loginToken, "second@example.org", "Second", ADMIN_PASSWORD));
		assertThat(second.status()).as("no second administrator through setup").isEqualTo(404);
		assertThat(
				http.postJson("/api/v1/auth/token", Map.of("email", "second@example.org", "password", ADMIN_PASSWORD))
					.status())
			.isEqualTo(401);
	}

}
