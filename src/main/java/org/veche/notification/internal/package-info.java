/**
 * The notification module's tables, its outbox worker, its mail and the events it listens
 * to.
 */
package org.veche.notification.internal;
