package org.veche.notification.web;

import org.veche.notification.Notifications.Overview;

/**
 * The model of {@code notification/manage.jte}: every notification of one address.
 *
 * @param saved whether a change was just saved
 */
public record ManagePage(Overview overview, boolean saved) {
}
