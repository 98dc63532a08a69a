package org.veche.identity.internal;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Spring Security knows Google, GitHub and Facebook by registration id; X and
 * WordPress.com are supplied here, as the last property source, so that an owner sets
 * only the client id and secret and may still override any of it.
 */
class ExternalProviderDefaults implements EnvironmentPostProcessor {

	private static final String PREFIX = "spring.security.oauth2.client.";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		var defaults = new HashMap<String, Object>();
		if (environment.containsProperty(PREFIX + "registration.x.client-id")) {
			// X's OAuth 2.0 wraps the user in "data"; the user service flattens it, so
			// "id" names the user.
			defaults.putAll(Map.of(PREFIX + "provider.x.authorization-uri", "https://x.com/i/oauth2/authorize",
					PREFIX + "provider.x.token-uri", "https://api.x.com/2/oauth2/token",
					PREFIX + "provider.x.user-info-uri", "https://api.x.com/2/users/me",
					PREFIX + "provider.x.user-name-attribute", "id", PREFIX + "registration.x.client-name", "X",
					PREFIX + "registration.x.authorization-grant-type", "authorization_code",
					PREFIX + "registration.x.client-authentication-method", "client_secret_basic",
					PREFIX + "registration.x.scope", "users.read,tweet.read"));
		}
		if (environment.containsProperty(PREFIX + "registration.wordpress.client-id")) {
			defaults.putAll(Map.of(PREFIX + "provider.wordpress.authorization-uri",
					"https://public-api.wordpress.com/oauth2/authorize", PREFIX + "provider.wordpress.token-uri",
					"https://public-api.wordpress.com/oauth2/token", PREFIX + "provider.wordpress.user-info-uri",
					"https://public-api.wordpress.com/rest/v1/me", PREFIX + "provider.wordpress.user-name-attribute",
					"ID", PREFIX + "registration.wordpress.client-name", "WordPress.com",
					PREFIX + "registration.wordpress.authorization-grant-type", "authorization_code",
					PREFIX + "registration.wordpress.client-authentication-method", "client_secret_post",
					PREFIX + "registration.wordpress.scope", "auth"));
		}
		for (String id : new String[] { "x", "wordpress" }) {
			if (environment.containsProperty(PREFIX + "registration." + id + ".client-id")) {
				// Spring's templates for Google, GitHub and Facebook carry this; a
				// registration made here must too
				defaults.put(PREFIX + "registration." + id + ".redirect-uri",
						"{baseUrl}/login/oauth2/code/{registrationId}");
			}
		}
		if (!defaults.isEmpty()) {
			environment.getPropertySources().addLast(new MapPropertySource("vecheExternalProviderDefaults", defaults));
		}
	}

}
