package org.veche.notification.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.veche.notification.NotificationProperties;
import org.veche.site.PublicAddresses;

/**
 * Sends due webhook deliveries, on one node of the cluster at a time (ShedLock): each is
 * claimed, posted with its signature and marked delivered on a 2xx answer; any other
 * answer, or none, is tried again after the outbox's backoff (twice as long each time)
 * and given up after as many tries as a mail. Redirects are not followed, and only public
 * addresses are called unless the administrator allowed a private one for that webhook.
 */
@Component
class WebhookSender implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);

	private static final Duration LEASE = Duration.ofMinutes(2);

	private static final Timeout TIMEOUT = Timeout.ofSeconds(10);

	private final Webhooks webhooks;

	private final Clock clock;

	private final NotificationProperties settings;

	/**
	 * Built for the first delivery that needs it (under this object's lock, as every
	 * delivery is): most sites register no webhook, and the two clients' TLS set-up (the
	 * trusted certificates read and parsed) took 0.3 s of a start measured without the
	 * AOT cache.
	 */
	private CloseableHttpClient publicOnly;

	private CloseableHttpClient anyAddress;

	private Instant lastForgotten = Instant.EPOCH;

	WebhookSender(Webhooks webhooks, Clock clock, NotificationProperties settings) {
		this.webhooks = webhooks;
		this.clock = clock;
		this.settings = settings;
	}

	private CloseableHttpClient clientFor(Webhooks.Target target) {
		if (target.allowPrivate()) {
			if (anyAddress == null) {
				anyAddress = client(false);
			}
			return anyAddress;
		}
		if (publicOnly == null) {
			publicOnly = client(true);
		}
		return publicOnly;
	}

	private static CloseableHttpClient client(boolean publicOnly) {
		var connections = PoolingHttpClientConnectionManagerBuilder.create()
			.setDefaultConnectionConfig(
					ConnectionConfig.custom().setConnectTimeout(TIMEOUT).setSocketTimeout(TIMEOUT).build());
		if (publicOnly) {
			connections.setDnsResolver(new PublicAddresses(Set.of()));
		}
		return HttpClients.custom()
			.setConnectionManager(connections.build())
			.setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(TIMEOUT).build())
			.disableRedirectHandling()
			.disableCookieManagement()
			.disableAuthCaching()
			.disableAutomaticRetries()
			.setUserAgent("Veche webhooks")
			.build();
	}

	@Scheduled(fixedDelayString = "${veche.notification.webhook-poll:PT10S}", initialDelayString = "PT10S")
	@SchedulerLock(name = "notification.webhooks", lockAtMostFor = "PT10M")
	void scheduled() {
		deliverDue(clock.instant());
		// old rows go once an hour, not on every look: the delete scans what it keeps
		Instant now = clock.instant();
		if (now.isAfter(lastForgotten.plus(Duration.ofHours(1)))) {
			webhooks.forget(now.minus(settings.keepSent()));
			lastForgotten = now;
		}
	}

	/**
	 * Sends every delivery due by the given time.
	 * @return how many were delivered
	 */
	synchronized int deliverDue(Instant now) {
		int delivered = 0;
		List<Webhooks.Due> batch;
		int rounds = 0;
		while (!(batch = webhooks.due(now, 50)).isEmpty() && rounds++ < 20) {
			for (Webhooks.Due due : batch) {
				if (webhooks.claim(due, now.plus(LEASE)) && send(due, now)) {
					delivered++;
				}
			}
		}
		return delivered;
	}

	private boolean send(Webhooks.Due due, Instant now) {
		var post = new HttpPost(due.target().url());
		post.setEntity(new StringEntity(due.payload(), ContentType.APPLICATION_JSON));
		post.setHeader(WebhookSignature.HEADER,
				WebhookSignature.header(due.target().secret(), clock.instant().getEpochSecond(), due.payload()));
		post.setHeader("Veche-Delivery", String.valueOf(due.id()));
		String error;
		try {
			int status = clientFor(due.target()).execute(post, response -> {
				EntityUtils.consume(response.getEntity());
				return response.getCode();
			});
			if (status >= 200 && status < 300) {
				webhooks.delivered(due.id(), clock.instant());
				return true;
			}
			error = "HTTP " + status;
		}
		catch (IOException | RuntimeException ex) {
			error = ex.toString();
		}
		int tries = due.attempts() + 1;
		if (tries >= settings.maxAttempts()) {
			log.warn("Gave up webhook delivery {} to {} after {} tries: {}", due.id(), due.target().url(), tries,
					error);
			webhooks.failed(due.id(), now, error);
		}
		else {
			webhooks.retryAt(due.id(), now.plus(settings.backoff(tries)), error);
		}
		return false;
	}

	@Override
	public synchronized void destroy() throws IOException {
		for (CloseableHttpClient client : new CloseableHttpClient[] { publicOnly, anyAddress }) {
			if (client != null) {
				client.close();
			}
		}
	}

}
