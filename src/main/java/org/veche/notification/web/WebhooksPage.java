package org.veche.notification.web;

import java.util.List;

import org.veche.notification.internal.Webhooks.Webhook;
import org.veche.site.RejectedInput;

/**
 * The model of {@code notification/webhooks.jte}: the registered webhooks and the form
 * for another.
 *
 * @param url the address typed
 * @param allowPrivate whether a private address was allowed in the form
 * @param notice the message key of what was just done, or empty
 * @param error the refusal, with its message key and arguments, or null
 */
public record WebhooksPage(List<Webhook> webhooks, String url, boolean allowPrivate, String notice,
		RejectedInput error) {
}
