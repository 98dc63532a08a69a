package org.veche.identity;

/**
 * One configured external sign-in provider, as forms list it.
 *
 * @param registrationId the Spring Security registration id, which names the callback
 * path too
 * @param name what readers see ("Google")
 */
public record ExternalSignIn(String registrationId, String name) {

	/** Where a browser starts signing in with this provider. */
	public String authorizationPath() {
		return "/oauth2/authorization/" + registrationId;
	}

}
