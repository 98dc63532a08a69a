/**
 * The pages a reader reaches from a notification: confirm, unsubscribe, and manage every
 * subscription.
 */
package org.veche.notification.web;
