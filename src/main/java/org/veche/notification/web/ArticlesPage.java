package org.veche.notification.web;

import org.veche.notification.Cadence;

/**
 * The model of {@code notification/articles.jte}: the form that asks for new articles by
 * mail.
 *
 * @param error the message key of a refused address, or empty
 */
public record ArticlesPage(String email, Cadence cadence, String error) {
}
