package org.veche.notification;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the outbox sends, as the site owner sets it.
 *
 * @param poll how often the worker looks for mail that is due when nothing wakes it
 * @param retryFirst the wait after the first refusal of a message; each further refusal
 * doubles it
 * @param retryMax the longest wait between two tries, and between two looks at a mail
 * server that is down
 * @param maxAttempts refusals of one message (by a server that is up) after which it is
 * given up
 * @param digestCheck how often due digests are gathered
 * @param keepSent how long sent rows are kept to stop an event from being mailed twice
 */
@ConfigurationProperties("veche.notification")
public record NotificationProperties(@DefaultValue("30s") Duration poll, @DefaultValue("30s") Duration retryFirst,
		@DefaultValue("1h") Duration retryMax, @DefaultValue("10") int maxAttempts,
		@DefaultValue("10m") Duration digestCheck, @DefaultValue("30d") Duration keepSent) {

	/**
	 * The wait before the next try of a message refused this many times, doubling up to
	 * the maximum.
	 */
	public Duration backoff(int refusals) {
		Duration wait = retryFirst.multipliedBy(1L << Math.min(Math.max(refusals - 1, 0), 30));
		return wait.compareTo(retryMax) > 0 || wait.isNegative() ? retryMax : wait;
	}

}
