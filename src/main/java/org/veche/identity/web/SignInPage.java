package org.veche.identity.web;

import java.util.List;

import org.veche.identity.ExternalSignIn;

/**
 * The model of {@code identity/login.jte}: the password form and the configured external
 * providers.
 *
 * @param throttled minutes to wait when too many attempts have failed, else 0
 */
public record SignInPage(long throttled, List<ExternalSignIn> providers) {
}
