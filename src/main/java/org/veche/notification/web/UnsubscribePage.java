package org.veche.notification.web;

/**
 * The model of {@code notification/unsubscribe.jte}: what an unsubscribe link would end.
 *
 * @param description the subscription in the reader's words
 * @param action the signed address the form posts to
 */
public record UnsubscribePage(String description, String action) {
}
