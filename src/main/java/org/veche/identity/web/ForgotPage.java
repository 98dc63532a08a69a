package org.veche.identity.web;

/**
 * The model of {@code identity/forgot.jte}: the form that asks for a password reset link.
 */
public record ForgotPage(String email) {
}
