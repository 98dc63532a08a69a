package org.veche.notification.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.veche.notification.Cadence;
import org.veche.notification.NotificationProperties;
import org.veche.notification.Subscription;

/**
 * Gathers daily and weekly digests: once a subscription's period has passed, what it
 * gathered goes out as one mail and a new period begins, whether or not there was
 * anything to send. Also forgets what is no longer needed: confirmations never followed,
 * and sent mail past its keeping time.
 */
@Component
public class Digests {

	private static final Duration UNCONFIRMED_KEPT = Duration.ofDays(30);

	private final Subscriptions subscriptions;

	private final DigestItems items;

	private final Outbox outbox;

	private final Letters letters;

	private final MailLinks links;

	private final Notices notices;

	private final Clock clock;

	private final NotificationProperties settings;

	Digests(Subscriptions subscriptions, DigestItems items, Outbox outbox, Letters letters, MailLinks links,
			Notices notices, Clock clock, NotificationProperties settings) {
		this.subscriptions = subscriptions;
		this.items = items;
		this.outbox = outbox;
		this.letters = letters;
		this.links = links;
		this.notices = notices;
		this.clock = clock;
		this.settings = settings;
	}

	@Scheduled(fixedDelayString = "${veche.notification.digest-check:PT10M}", initialDelayString = "PT1M")
	@SchedulerLock(name = "notification.digests", lockAtMostFor = "PT30M")
	void scheduled() {
		sendDue(clock.instant());
	}

	/**
	 * Queues every digest whose period has passed by the given time.
	 * @return how many digests were queued
	 */
	@Transactional
	public int sendDue(Instant now) {
		int queued = 0;
		for (Cadence cadence : List.of(Cadence.DAILY, Cadence.WEEKLY)) {
			for (Subscription subscription : subscriptions.digestsDue(cadence, now.minus(cadence.period()))) {
				Instant from = subscriptions.digestFrom(subscription.id());
				var gathered = items.of(subscription.id(), now);
				if (!gathered.isEmpty()) {
					queue(subscription, cadence, from, gathered);
					queued++;
				}
				items.clear(subscription.id(), now);
				subscriptions.startDigestPeriod(subscription.id(), now);
			}
		}
		subscriptions.removeUnconfirmed(now.minus(UNCONFIRMED_KEPT));
		outbox.purge(now.minus(settings.keepSent()));
		return queued;
	}

	/**
	 * Queued to go at once: the period's end may be a time a test or a late run gives,
	 * not the clock's.
	 */
	private void queue(Subscription subscription, Cadence cadence, Instant from, List<Letters.Item> gathered) {
		Locale language = subscription.subscriber().language();
		String count = letters.plural(language, "notify.mail.digest." + subscription.topic().param(), gathered.size());
		String unsubscribe = links.unsubscribe(subscription.id());
		var letter = new Letters.Letter(language,
				letters.t(language, "notify.mail.digest." + cadence.param() + ".subject", count),
				letters.t(language, "notify.mail.digest.intro", count), gathered, null, null, new Letters.Footer(
						notices.why(subscription), unsubscribe, links.manage(subscription.subscriber().id())));
		outbox.enqueue(subscription.subscriber().email(), "digest:" + subscription.id() + ":" + from.toEpochMilli(),
				subscription.id(), letters.write(letter), unsubscribe, clock.instant());
	}

}
