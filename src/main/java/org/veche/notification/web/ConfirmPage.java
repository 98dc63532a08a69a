package org.veche.notification.web;

import java.util.List;

import org.veche.notification.Notifications.Described;

/**
 * The model of {@code notification/confirm.jte}: what a confirmation link would confirm.
 *
 * @param action the signed address the confirming form posts to
 */
public record ConfirmPage(List<Described> subscriptions, String action) {
}
