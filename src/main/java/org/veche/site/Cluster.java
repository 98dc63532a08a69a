package org.veche.site;

import java.util.function.Consumer;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The other nodes of this site, when it has any. One node on SQLite has none, and every
 * message goes nowhere; on PostgreSQL any number of nodes share the database, and a
 * message told here reaches every other node through the database's own LISTEN/NOTIFY (no
 * broker, no cluster protocol of our own). Messages are for what cannot wait for the next
 * read of the database: a live event for open pages, a cache entry to forget. They are
 * not kept: a node that is down or reconnecting misses them, so they must never be the
 * only record of anything.
 */
public interface Cluster {

	/**
	 * The longest message, in UTF-8 bytes, that {@link #tell} carries (PostgreSQL's
	 * NOTIFY takes 8,000 with the header).
	 */
	int MAX_MESSAGE_BYTES = 7_900;

	/**
	 * Whether other nodes may share this site's database (PostgreSQL): the callers that
	 * prepare a message may skip it when not.
	 */
	boolean shared();

	/**
	 * Sends the message to the listeners of the topic on every other node (not this one),
	 * at once and on a connection of its own: call it once the change it announces is
	 * committed.
	 * @throws IllegalArgumentException when the topic and message are longer than
	 * {@link #MAX_MESSAGE_BYTES}
	 */
	void tell(String topic, String message);

	/**
	 * Like {@link #tell}, but once the current transaction commits (nothing if it rolls
	 * back), so that a node told to forget a cache entry cannot read the row again before
	 * the change is there; at once outside a transaction. Not from an after-commit
	 * listener, whose transaction takes no more synchronizations: use {@link #tell}
	 * there.
	 */
	default void tellAfterCommit(String topic, String message) {
		if (!shared()) {
			return;
		}
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					tell(topic, message);
				}
			});
		}
		else {
			tell(topic, message);
		}
	}

	/**
	 * The listener hears the topic's messages from other nodes on the one listening
	 * thread: it must not block.
	 */
	void listen(String topic, Consumer<String> listener);

}
