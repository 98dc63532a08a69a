package org.veche.live;

import java.util.function.Consumer;

/**
 * The source of live events that the article pages of this node listen to. This is an
 * interface with a single implementation on purpose, the one place in Veche where that is
 * wanted: the first implementation ({@code internal.InProcessLiveEvents}) hands each
 * event to this node's broadcasters directly, and a site that runs several nodes behind a
 * load balancer will need another one (PostgreSQL LISTEN/NOTIFY, or a broker) that
 * carries events from the node where a comment was posted to every node holding open
 * pages. Publishers and listeners stay as they are.
 */
public interface LiveEvents {

	/**
	 * Called after the change has committed, so a reader is never told of something that
	 * was rolled back.
	 */
	void publish(LiveEvent event);

	/**
	 * The listener is called for every event published on any node, on the publishing
	 * thread: it must not block.
	 */
	void subscribe(Consumer<LiveEvent> listener);

}
