package org.veche.identity.web;

/**
 * The model of {@code identity/notice.jte}: a page with one message, e.g. "check your
 * e-mail".
 *
 * @param title the message key of the title
 * @param message the message key of the text
 * @param argument the text's one argument, or empty
 */
public record NoticePage(String title, String message, String argument) {
}
