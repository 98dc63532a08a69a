package org.veche.notification.internal;

import static org.jooq.impl.DSL.min;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.veche.schema.tables.NotificationOutbox;

/**
 * The notification_outbox table: mail waiting to go, and what was sent, one row per
 * recipient and event so that an event handled twice queues its mail once.
 */
@Repository
public class Outbox {

	private static final NotificationOutbox OUTBOX = NotificationOutbox.NOTIFICATION_OUTBOX;

	private static final Field<Long> ID = OUTBOX.ID;

	private static final Field<String> RECIPIENT = OUTBOX.RECIPIENT;

	private static final Field<String> EVENT_KEY = OUTBOX.EVENT_KEY;

	private static final Field<Long> SUBSCRIPTION_ID = OUTBOX.SUBSCRIPTION_ID;

	private static final Field<String> SUBJECT = OUTBOX.SUBJECT;

	private static final Field<String> TEXT = OUTBOX.TEXT_BODY;

	private static final Field<String> HTML = OUTBOX.HTML_BODY;

	private static final Field<String> UNSUBSCRIBE = OUTBOX.UNSUBSCRIBE_URL;

	private static final Field<Long> CREATED = OUTBOX.CREATED_AT;

	private static final Field<Integer> ATTEMPTS = OUTBOX.ATTEMPTS;

	private static final Field<Long> NEXT_ATTEMPT = OUTBOX.NEXT_ATTEMPT_AT;

	private static final Field<Long> SENT = OUTBOX.SENT_AT;

	private static final Field<Long> FAILED = OUTBOX.FAILED_AT;

	private static final Field<String> LAST_ERROR = OUTBOX.LAST_ERROR;

	/**
	 * A message as the worker sends it.
	 *
	 * @param unsubscribeUrl the one-click link for the List-Unsubscribe header, or null
	 * @param attempts how many times the server refused it
	 * @param nextAttemptAt when it became due (epoch milliseconds), which claiming it
	 * compares
	 */
	public record Queued(long id, String recipient, Letters.Written mail, String unsubscribeUrl, int attempts,
			long nextAttemptAt) {
	}

	private final DSLContext db;

	private final OutboxSignal signal;

	Outbox(DSLContext db, OutboxSignal signal) {
		this.db = db;
		this.signal = signal;
	}

	/**
	 * Queues a message unless one for this recipient and event is queued or sent already;
	 * the worker is woken once the transaction that queued it has committed.
	 * @param subscriptionId the subscription it is sent for (its unsent mail goes when it
	 * is cancelled), or null
	 * @return whether it was queued now
	 */
	public boolean enqueue(String recipient, String eventKey, Long subscriptionId, Letters.Written mail,
			String unsubscribeUrl, Instant now) {
		boolean queued = db.insertInto(OUTBOX)
			.set(RECIPIENT, recipient)
			.set(EVENT_KEY, eventKey)
			.set(SUBSCRIPTION_ID, subscriptionId)
			.set(SUBJECT, mail.subject())
			.set(TEXT, mail.text())
			.set(HTML, mail.html())
			.set(UNSUBSCRIBE, unsubscribeUrl)
			.set(CREATED, now.toEpochMilli())
			.set(NEXT_ATTEMPT, now.toEpochMilli())
			.onConflictDoNothing()
			.execute() > 0;
		if (queued) {
			wakeAfterCommit();
		}
		return queued;
	}

	private void wakeAfterCommit() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					signal.wake();
				}
			});
		}
		else {
			signal.wake();
		}
	}

	/** Messages whose time has come, oldest first. */
	public List<Queued> due(Instant now, int limit) {
		return db.select(ID, RECIPIENT, SUBJECT, TEXT, HTML, UNSUBSCRIBE, ATTEMPTS, NEXT_ATTEMPT)
			.from(OUTBOX)
			.where(SENT.isNull().and(FAILED.isNull()).and(NEXT_ATTEMPT.le(now.toEpochMilli())))
			.orderBy(NEXT_ATTEMPT, ID)
			.limit(limit)
			.fetch(r -> new Queued(r.get(ID), r.get(RECIPIENT),
					new Letters.Written(r.get(SUBJECT), r.get(TEXT), r.get(HTML)), r.get(UNSUBSCRIBE), r.get(ATTEMPTS),
					r.get(NEXT_ATTEMPT)));
	}

	/** When the next waiting message is due, if any waits. */
	public Optional<Instant> nextDue() {
		return Optional
			.ofNullable(db.select(min(NEXT_ATTEMPT))
				.from(OUTBOX)
				.where(SENT.isNull().and(FAILED.isNull()))
				.fetchOne(0, Long.class))
			.map(Instant::ofEpochMilli);
	}

	/**
	 * Takes the message for one send by moving its next attempt past the lease: only one
	 * worker, on one node or several, wins the update, and a worker that dies mid-send
	 * leaves it to be tried again after the lease.
	 */
	public boolean claim(Queued message, Instant leaseUntil) {
		return db.update(OUTBOX)
			.set(NEXT_ATTEMPT, leaseUntil.toEpochMilli())
			.where(ID.eq(message.id())
				.and(NEXT_ATTEMPT.eq(message.nextAttemptAt()))
				.and(SENT.isNull())
				.and(FAILED.isNull()))
			.execute() == 1;
	}

	/**
	 * Marks it sent and drops its text: the row stays only to keep the event from being
	 * mailed again.
	 */
	public void sent(long id, Instant now) {
		db.update(OUTBOX)
			.set(SENT, now.toEpochMilli())
			.set(SUBJECT, "")
			.set(TEXT, "")
			.set(HTML, "")
			.set(LAST_ERROR, (String) null)
			.where(ID.eq(id))
			.execute();
	}

	/**
	 * Puts it back for another try at the given time; an outage does not count as an
	 * attempt.
	 */
	public void retryAt(long id, Instant next, boolean countAttempt, String error) {
		db.update(OUTBOX)
			.set(NEXT_ATTEMPT, next.toEpochMilli())
			.set(ATTEMPTS, countAttempt ? ATTEMPTS.plus(1) : ATTEMPTS)
			.set(LAST_ERROR, cap(error))
			.where(ID.eq(id))
			.execute();
	}

	public void failed(long id, Instant now, String error) {
		db.update(OUTBOX)
			.set(FAILED, now.toEpochMilli())
			.set(ATTEMPTS, ATTEMPTS.plus(1))
			.set(LAST_ERROR, cap(error))
			.set(TEXT, "")
			.set(HTML, "")
			.where(ID.eq(id))
			.execute();
	}

	/** Drops the unsent mail of a subscription that has just ended. */
	public int cancel(long subscriptionId) {
		return db.deleteFrom(OUTBOX).where(SUBSCRIPTION_ID.eq(subscriptionId).and(SENT.isNull())).execute();
	}

	/** Forgets sent and failed rows older than the given instant. */
	public int purge(Instant before) {
		return db.deleteFrom(OUTBOX)
			.where(SENT.lt(before.toEpochMilli()).or(FAILED.lt(before.toEpochMilli())))
			.execute();
	}

	/**
	 * Everything queued or sent to the address: for its owner's copy of their data, and
	 * its erasure.
	 */
	public List<Map<String, Object>> to(String recipient) {
		return db.select(EVENT_KEY, SUBJECT, CREATED, SENT, FAILED)
			.from(OUTBOX)
			.where(RECIPIENT.eq(recipient))
			.orderBy(ID)
			.fetch(r -> {
				var row = new LinkedHashMap<String, Object>();
				row.put("event", r.get(EVENT_KEY));
				row.put("subject", r.get(SUBJECT));
				row.put("queuedAt", Instant.ofEpochMilli(r.get(CREATED)).toString());
				row.put("sentAt", r.get(SENT) == null ? null : Instant.ofEpochMilli(r.get(SENT)).toString());
				row.put("givenUpAt", r.get(FAILED) == null ? null : Instant.ofEpochMilli(r.get(FAILED)).toString());
				return row;
			});
	}

	public int removeTo(String recipient) {
		return db.deleteFrom(OUTBOX).where(RECIPIENT.eq(recipient)).execute();
	}

	/** How many messages wait, tried or not. */
	public int waiting() {
		return db.fetchCount(OUTBOX, SENT.isNull().and(FAILED.isNull()));
	}

	private static String cap(String error) {
		return error == null ? null : error.length() > 500 ? error.substring(0, 500) : error;
	}

}
