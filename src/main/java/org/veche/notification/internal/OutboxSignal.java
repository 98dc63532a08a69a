package org.veche.notification.internal;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.springframework.stereotype.Component;

/**
 * Wakes the outbox worker when new mail is queued, so that a notification leaves within
 * moments instead of waiting for the next poll.
 */
@Component
class OutboxSignal {

	private final Semaphore queued = new Semaphore(0);

	void wake() {
		if (queued.availablePermits() == 0) {
			queued.release();
		}
	}

	/** Waits until woken or until the time is up. */
	void await(Duration timeout) throws InterruptedException {
		if (queued.tryAcquire(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS)) {
			queued.drainPermits();
		}
	}

}
