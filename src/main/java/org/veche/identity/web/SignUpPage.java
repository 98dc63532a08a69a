package org.veche.identity.web;

/**
 * The model of {@code identity/signup.jte}: the sign-up form with what was typed.
 *
 * @param error the message key of a refused value, or empty
 */
public record SignUpPage(String name, String email, String error) {
}
