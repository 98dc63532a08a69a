package org.veche.identity.web;

/**
 * The model of {@code identity/setup.jte}: the one-time form that makes the first
 * administrator.
 *
 * @param error the message key of a refused value, or empty
 */
public record SetupPage(String email, String name, String error) {
}
