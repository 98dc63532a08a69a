/**
 * Mail that readers and moderators ask for: subscriptions confirmed by double opt-in,
 * one-click unsubscribe, and an outbox that a background worker sends with retries.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notification")
package org.veche.notification;
