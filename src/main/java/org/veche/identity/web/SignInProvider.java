package org.veche.identity.web;

/**
 * A configured sign-in provider as the settings page lists it.
 *
 * @param where the issuer or authorization address the site talks to
 * @param callback the redirect URI to register with the provider
 */
public record SignInProvider(String id, String name, String where, String callback) {
}
