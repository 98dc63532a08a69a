package org.veche.notification.internal;

import java.util.List;

import org.springframework.stereotype.Component;
import org.veche.privacy.Disclosure;

/**
 * Tells the privacy page that the addresses an administrator registered as webhooks are
 * told of comments, and what they are told; nothing while none is registered.
 */
@Component
class WebhookDisclosure implements Disclosure {

	private final Webhooks webhooks;

	WebhookDisclosure(Webhooks webhooks) {
		this.webhooks = webhooks;
	}

	@Override
	public List<Recipient> recipients() {
		return webhooks.all().stream().map(hook -> new Recipient(host(hook.url()), "webhook.privacy")).toList();
	}

	private static String host(String url) {
		String host = java.net.URI.create(url).getHost();
		return host == null ? url : host;
	}

}
