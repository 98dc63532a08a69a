package org.veche.identity.internal;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.core.user.OAuth2User;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.veche.identity.SignInProviders;
import org.veche.identity.SignInReturn;

/**
 * After a provider has vouched for someone: replaces Spring's OAuth2 principal with the
 * site's own {@link org.veche.identity.SignedIn}, or parks the profile and asks before
 * linking it to an existing account.
 */
class ExternalSignInSuccess implements AuthenticationSuccessHandler {

	private final ExternalAccounts accounts;

	private final SignInProviders providers;

	private final ConnectedAccounts connected;

	ExternalSignInSuccess(ExternalAccounts accounts, SignInProviders providers, ConnectedAccounts connected) {
		this.accounts = accounts;
		this.providers = providers;
		this.connected = connected;
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException {
		var token = (OAuth2AuthenticationToken) authentication;
		ExternalProfile profile = profile(token, providers);
		ConnectedAccounts.LinkRequest linking = connected.takeLinkRequest(request, profile.registrationId());
		if (linking != null) {
			finishLinking(linking, profile, request, response);
			return;
		}
		ExternalAccounts.Outcome outcome = accounts.resolve(profile);
		if (outcome.askToLink() != null) {
			ExternalAccounts.signOut(request, response);
			request.getSession().setAttribute(ExternalAccounts.PENDING, profile);
			response.sendRedirect("/login/link");
			return;
		}
		if (outcome.signIn().suspended()) {
			ExternalAccounts.signOut(request, response);
			response.sendRedirect("/login?error");
			return;
		}
		ExternalAccounts.signIn(outcome.signIn(), profile.providerName(), request, response);
		String back = SignInReturn.take(request);
		response.sendRedirect(back != null ? back : "/");
	}

	/**
	 * The reader started this from their account page: link the identity to the account
	 * and leave them signed in as that account, whatever the provider answered.
	 */
	private void finishLinking(ConnectedAccounts.LinkRequest linking, ExternalProfile profile,
			HttpServletRequest request, HttpServletResponse response) throws IOException {
		var account = accounts.account(linking.accountId()).filter(a -> !a.suspended());
		if (account.isEmpty()) {
			ExternalAccounts.signOut(request, response);
			response.sendRedirect("/login?error");
			return;
		}
		ConnectedAccounts.Linking result = connected.link(linking.accountId(), profile);
		ExternalAccounts.signIn(account.get(), profile.providerName(), request, response);
		response
			.sendRedirect(result == ConnectedAccounts.Linking.TAKEN ? "/account?error=taken" : "/account?done=linked");
	}

	static ExternalProfile profile(OAuth2AuthenticationToken token, SignInProviders providers) {
		OAuth2User user = token.getPrincipal();
		String registrationId = token.getAuthorizedClientRegistrationId();
		String providerName = providers.byId(registrationId).map(p -> p.name()).orElse(registrationId);
		Map<String, Object> attributes = user.getAttributes();
		String subject = user instanceof OidcUser oidc ? oidc.getSubject() : user.getName();
		String email = text(attributes.get("email"));
		// Only a provider's explicit word counts: GitHub and Facebook say nothing, and
		// are never trusted to match.
		Object verified = attributes.get("email_verified");
		boolean emailVerified = email != null && (Boolean.TRUE.equals(verified) || "true".equals(verified));
		String name = null;
		for (String key : new String[] { "name", "display_name", "preferred_username", "login", "username",
				"nickname" }) {
			name = text(attributes.get(key));
			if (name != null) {
				break;
			}
		}
		return new ExternalProfile(registrationId, providerName, subject, email, emailVerified, name);
	}

	private static String text(Object value) {
		return value instanceof String s && !s.isBlank() ? s.strip() : null;
	}

}
