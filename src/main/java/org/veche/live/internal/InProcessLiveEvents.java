package org.veche.live.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.veche.live.LiveEvent;
import org.veche.live.LiveEvents;

/**
 * Live events within one node: what is published here reaches the listeners here, and nothing else.
 */
@Component
class InProcessLiveEvents implements LiveEvents {

	private static final Logger log = LoggerFactory.getLogger(InProcessLiveEvents.class);

	private final List<Consumer<LiveEvent>> listeners = new CopyOnWriteArrayList<>();

	@Override
	public void publish(LiveEvent event) {
		for (Consumer<LiveEvent> listener : listeners) {
			try {
				listener.accept(event);
			}
			catch (RuntimeException ex) {
				// a page that misses a live event still shows it on its next load: never fail the poster's request
				log.warn("a live event listener failed on {}", event.kind(), ex);
			}
		}
	}

	@Override
	public void subscribe(Consumer<LiveEvent> listener) {
		listeners.add(listener);
	}

}
