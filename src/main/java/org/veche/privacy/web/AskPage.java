package org.veche.privacy.web;

/**
 * The model of {@code privacy/ask.jte}: a guest asks for a link to their data.
 *
 * @param error the message key of a refused address, or empty
 * @param sent whether the link was just sent (if the address has data)
 */
public record AskPage(String email, String error, boolean sent) {
}
