package org.veche.identity.internal;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.DefaultOAuth2UserService;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.veche.identity.SignInProviders;

/**
 * OAuth2 / OpenID Connect sign-in for the site chain, added only when the owner
 * configured a provider.
 */
final class ExternalSignInChain {

	private static final Logger log = LoggerFactory.getLogger(ExternalSignInChain.class);

	private ExternalSignInChain() {
	}

	static void apply(HttpSecurity http, ClientRegistrationRepository registrations, ExternalAccounts accounts,
			SignInProviders providers, ConnectedAccounts connected) throws Exception {
		var resolver = new DefaultOAuth2AuthorizationRequestResolver(registrations, "/oauth2/authorization");
		resolver.setAuthorizationRequestCustomizer(request -> {
			boolean[] x = { false };
			request.attributes(attributes -> x[0] = "x".equals(attributes.get(OAuth2ParameterNames.REGISTRATION_ID)));
			if (x[0]) {
				// X refuses the authorization-code flow without PKCE, even for
				// confidential clients.
				OAuth2AuthorizationRequestCustomizers.withPkce().accept(request);
			}
		});
		var users = new DefaultOAuth2UserService();
		users.setAttributesConverter(request -> "x".equals(request.getClientRegistration().getRegistrationId())
				? ExternalSignInChain::unwrapData : attributes -> attributes);
		http.oauth2Login(login -> login.loginPage("/login")
			.authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(resolver))
			.userInfoEndpoint(info -> info.userService(users))
			.successHandler(new ExternalSignInSuccess(accounts, providers, connected))
			.failureHandler((request, response, ex) -> {
				// the reader sees "not right"; the owner needs the provider's reason to
				// fix a misconfiguration
				log.warn("External sign-in failed: {}", ex.getMessage());
				response.sendRedirect("/login?error");
			}));
	}

	/**
	 * The origins of the providers' authorization endpoints, each with a leading space,
	 * for a CSP source list.
	 */
	static String origins(ClientRegistrationRepository registrations) {
		var origins = new java.util.LinkedHashSet<String>();
		if (registrations instanceof Iterable<?> all) {
			for (Object each : all) {
				if (each instanceof ClientRegistration registration) {
					URI uri = URI.create(registration.getProviderDetails().getAuthorizationUri());
					origins.add(" " + uri.getScheme() + "://" + uri.getRawAuthority());
				}
			}
		}
		return String.join("", origins);
	}

	/** X answers {"data": {"id", "name", "username"}}. */
	@SuppressWarnings("unchecked")
	static Map<String, Object> unwrapData(Map<String, Object> attributes) {
		if (attributes.get("data") instanceof Map<?, ?> data) {
			var flat = new HashMap<String, Object>(attributes);
			flat.putAll((Map<String, Object>) data);
			return flat;
		}
		return attributes;
	}

}
