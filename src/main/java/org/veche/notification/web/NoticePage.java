package org.veche.notification.web;

/**
 * The model of {@code notification/notice.jte}: a page with one message about a mail's
 * link.
 *
 * @param title the message key of the title
 * @param message the message key of the text
 * @param argument the text's one argument, or empty
 */
public record NoticePage(String title, String message, String argument) {
}
