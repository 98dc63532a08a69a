package org.veche.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientPropertiesMapper;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

/**
 * X and WordPress.com work from a client id and secret alone, through Spring Boot's own
 * property mapping, and what the owner sets wins over the defaults.
 */
class ExternalProviderDefaultsTests {

	@Test
	void xAndWordPressNeedOnlyTheClientIdAndSecret() {
		var registrations = registrations(Map.of("spring.security.oauth2.client.registration.x.client-id", "x-id",
				"spring.security.oauth2.client.registration.x.client-secret", "x-secret",
				"spring.security.oauth2.client.registration.wordpress.client-id", "wp-id",
				"spring.security.oauth2.client.registration.wordpress.client-secret", "wp-secret"));

		ClientRegistration x = registrations.get("x");
		assertThat(x.getProviderDetails().getAuthorizationUri()).isEqualTo("https://x.com/i/oauth2/authorize");
		assertThat(x.getProviderDetails().getTokenUri()).isEqualTo("https://api.x.com/2/oauth2/token");
		assertThat(x.getProviderDetails().getUserInfoEndpoint().getUri()).isEqualTo("https://api.x.com/2/users/me");
		assertThat(x.getProviderDetails().getUserInfoEndpoint().getUserNameAttributeName()).isEqualTo("id");
		assertThat(x.getClientAuthenticationMethod()).isEqualTo(ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
		assertThat(x.getClientName()).isEqualTo("X");
		assertThat(x.getRedirectUri()).isEqualTo("{baseUrl}/login/oauth2/code/{registrationId}");

		ClientRegistration wordpress = registrations.get("wordpress");
		assertThat(wordpress.getProviderDetails().getAuthorizationUri())
			.isEqualTo("https://public-api.wordpress.com/oauth2/authorize");
		assertThat(wordpress.getProviderDetails().getTokenUri())
			.isEqualTo("https://public-api.wordpress.com/oauth2/token");
		assertThat(wordpress.getProviderDetails().getUserInfoEndpoint().getUri())
			.isEqualTo("https://public-api.wordpress.com/rest/v1/me");
		assertThat(wordpress.getProviderDetails().getUserInfoEndpoint().getUserNameAttributeName()).isEqualTo("ID");
		assertThat(wordpress.getClientName()).isEqualTo("WordPress.com");
	}

	@Test
	void theOwnersSettingsWinAndUnconfiguredProvidersGetNothing() {
		var registrations = registrations(Map.of("spring.security.oauth2.client.registration.x.client-id", "x-id",
				"spring.security.oauth2.client.registration.x.client-name", "Twitter",
				"spring.security.oauth2.client.provider.x.token-uri", "https://proxy.example.org/token"));
		assertThat(registrations).containsOnlyKeys("x");
		assertThat(registrations.get("x").getClientName()).isEqualTo("Twitter");
		assertThat(registrations.get("x").getProviderDetails().getTokenUri())
			.isEqualTo("https://proxy.example.org/token");
	}

	@Test
	void xWrapsItsUserInDataAndTheUserServiceUnwrapsIt() {
		var flat = ExternalSignInChain.unwrapData(Map.of("data", Map.of("id", "42", "name", "Ada", "username", "ada")));
		assertThat(flat).containsEntry("id", "42").containsEntry("name", "Ada").containsEntry("username", "ada");
	}

	private static Map<String, ClientRegistration> registrations(Map<String, Object> properties) {
		var environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("owner", properties));
		new ExternalProviderDefaults().postProcessEnvironment(environment, null);
		OAuth2ClientProperties bound = Binder.get(environment)
			.bind("spring.security.oauth2.client", OAuth2ClientProperties.class)
			.get();
		return new OAuth2ClientPropertiesMapper(bound).asClientRegistrations();
	}

}
