package org.veche.notification.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.veche.notification.NotificationProperties;
import org.veche.site.Mailer;

/**
 * Sends the outbox on a virtual thread of its own: each message is claimed, sent and
 * marked sent; a refused message is tried again later, each wait twice the one before; a
 * mail server that cannot be reached pauses the whole outbox (the wait doubling too)
 * without counting against any message, so an outage delays mail and loses none.
 */
@Component
public class OutboxWorker implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);

	private static final Duration LEASE = Duration.ofMinutes(5);

	private static final int BATCH = 50;

	private final Outbox outbox;

	private final Mailer mailer;

	private final Clock clock;

	private final OutboxSignal signal;

	private final NotificationProperties settings;

	private volatile Thread thread;

	private volatile boolean running;

	/** Outages in a row; 0 while the server answers. */
	private int outages;

	private Instant pausedUntil = Instant.MIN;

	OutboxWorker(Outbox outbox, Mailer mailer, Clock clock, OutboxSignal signal, NotificationProperties settings) {
		this.outbox = outbox;
		this.mailer = mailer;
		this.clock = clock;
		this.signal = signal;
		this.settings = settings;
	}

	@Override
	public void start() {
		running = true;
		thread = Thread.ofVirtual().name("veche-outbox").start(this::run);
	}

	@Override
	public void stop() {
		running = false;
		Thread worker = thread;
		thread = null;
		if (worker != null) {
			worker.interrupt();
			try {
				worker.join(Duration.ofSeconds(10));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	private void run() {
		while (running) {
			try {
				signal.await(sendDue());
			}
			catch (InterruptedException ex) {
				return;
			}
			catch (RuntimeException ex) {
				// the database may be briefly unavailable; the mail is still in it
				log.warn("The outbox could not be read: {}", ex.toString());
				try {
					Thread.sleep(settings.poll());
				}
				catch (InterruptedException stop) {
					return;
				}
			}
		}
	}

	/**
	 * Sends every message that is due.
	 * @return how long to wait before looking again
	 */
	synchronized Duration sendDue() {
		Instant now = clock.instant();
		if (now.isBefore(pausedUntil)) {
			return Duration.between(now, pausedUntil);
		}
		List<Outbox.Queued> batch;
		while (!(batch = outbox.due(now, BATCH)).isEmpty()) {
			for (Outbox.Queued message : batch) {
				if (!outbox.claim(message, now.plus(LEASE))) {
					continue;
				}
				Duration pause = send(message, now);
				if (pause != null) {
					return pause;
				}
			}
			now = clock.instant();
		}
		Duration untilNext = outbox.nextDue()
			.map(next -> Duration.between(clock.instant(), next))
			.orElse(settings.poll());
		return untilNext.compareTo(settings.poll()) < 0 ? untilNext : settings.poll();
	}

	/**
	 * @return the pause when the server is down, else null
	 */
	private Duration send(Outbox.Queued message, Instant now) {
		try {
			mailer.deliver(new Mailer.Letter(message.recipient(), message.mail().subject(), message.mail().text(),
					message.mail().html()), headers(message));
			outbox.sent(message.id(), clock.instant());
			if (outages > 0) {
				log.info("The mail server answers again; the outbox is sending.");
				outages = 0;
			}
			return null;
		}
		catch (Mailer.NotSent ex) {
			if (ex.serverUnavailable()) {
				// not the message's fault: it keeps its place and its count
				outbox.retryAt(message.id(), Instant.ofEpochMilli(message.nextAttemptAt()), false, ex.getMessage());
				outages++;
				Duration pause = settings.backoff(outages);
				pausedUntil = now.plus(pause);
				log.warn("The mail server cannot be reached ({}); {} messages wait, next try in {}.", ex.getMessage(),
						outbox.waiting(), pause);
				return pause;
			}
			int refusals = message.attempts() + 1;
			if (refusals >= settings.maxAttempts()) {
				log.warn("Gave up message {} after {} refusals: {}", message.id(), refusals, ex.getMessage());
				outbox.failed(message.id(), now, ex.getMessage());
			}
			else {
				outbox.retryAt(message.id(), now.plus(settings.backoff(refusals)), true, ex.getMessage());
			}
			return null;
		}
	}

	/**
	 * RFC 8058: a mail client may offer one button that unsubscribes with a POST to this
	 * address.
	 */
	private static Map<String, String> headers(Outbox.Queued message) {
		if (message.unsubscribeUrl() == null) {
			return Map.of();
		}
		return Map.of("List-Unsubscribe", "<" + message.unsubscribeUrl() + ">", "List-Unsubscribe-Post",
				"List-Unsubscribe=One-Click");
	}

}
