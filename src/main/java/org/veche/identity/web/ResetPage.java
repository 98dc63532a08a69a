package org.veche.identity.web;

/**
 * The model of {@code identity/reset.jte}: the new password form of a reset link.
 *
 * @param error the message key of a refused password, or empty
 */
public record ResetPage(String token, String error) {
}
