package org.veche.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import org.veche.support.IntegrationTest;

/**
 * A site started with veche.admin.email and veche.admin.password (as VECHE_ADMIN_EMAIL
 * and VECHE_ADMIN_PASSWORD do) makes that administrator on its first start, and so has no
 * setup page.
 */
@TestPropertySource(
		properties = { "veche.admin.email=chief@example.org", "veche.admin.password=chief editor passphrase" })
class FirstAdministratorIT extends IntegrationTest {

	@Test
	void theConfiguredAdministratorCanGetAnApiToken() {
		var response = http.postJson("/api/v1/auth/token",
				Map.of("email", "chief@example.org", "password", "chief editor passphrase"));

		assertThat(response.status()).isEqualTo(200);
		String token = response.json().get("token").asString();
		assertThat(token).startsWith("vch_");
		var created = http.bearer(token)
			.postJson("/api/v1/articles", Map.of("title", "From the chief", "status", "published"));
		assertThat(created.status()).as("an administrator may publish").isEqualTo(201);
	}

	@Test
	void theEmailIsMatchedWithoutRegardToCase() {
		var response = http.postJson("/api/v1/auth/token",
				Map.of("email", "Chief@Example.ORG", "password", "chief editor passphrase"));

		assertThat(response.status()).isEqualTo(200);
	}

	@Test
	void aWrongPasswordGetsNoToken() {
		var response = http.postJson("/api/v1/auth/token",
				Map.of("email", "chief@example.org", "password", "chief editor passphrase?"));

		assertThat(response.status()).isEqualTo(401);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(response.json().get("detail").asString()).isEqualTo("The e-mail or password is not right.");
	}

	@Test
	void theSetupPageIsGoneOnceTheAdministratorExists() {
		assertThat(identity.hasAccounts()).isTrue();

		assertThat(http.with("Accept", "text/html").get("/setup").status()).isEqualTo(404);
	}

}
