package org.veche.identity.web;

import java.util.List;

/**
 * The model of {@code identity/admin.jte}: the administrator's settings overview.
 *
 * @param baseUrl the site's address as this request reached it, for the callbacks to
 * register
 */
public record AdminSettingsPage(List<SignInProvider> providers, String baseUrl) {
}
