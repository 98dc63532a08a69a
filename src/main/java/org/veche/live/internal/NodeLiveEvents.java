package org.veche.live.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.veche.live.LiveBlog;
import org.veche.live.LiveEvent;
import org.veche.live.LiveEvents;
import org.veche.site.Cluster;

import tools.jackson.databind.json.JsonMapper;

/**
 * Live events of this node and, on a site of several nodes, of the others: what is
 * published here reaches the listeners here at once and goes to the other nodes through
 * {@link Cluster} (nowhere on SQLite). An event whose rendered fragments do not fit one
 * cluster message, or whose fragments are rendered on demand (a comment's), crosses
 * without them, and the receiving node reads the comment or update and renders it itself,
 * only when someone there has the article open.
 */
@Component
class NodeLiveEvents implements LiveEvents {

	static final String TOPIC = "live";

	private static final Logger log = LoggerFactory.getLogger(NodeLiveEvents.class);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * What crosses: the event, or the event without its fragments for the receiver to
	 * render ({@code render}).
	 */
	record Wire(LiveEvent event, boolean render) {
	}

	private final List<Consumer<LiveEvent>> listeners = new CopyOnWriteArrayList<>();

	private final Cluster cluster;

	private final ObjectProvider<ThreadWatcher> comments;

	private final ObjectProvider<LiveBlog> updates;

	NodeLiveEvents(Cluster cluster, ObjectProvider<ThreadWatcher> comments, ObjectProvider<LiveBlog> updates) {
		this.cluster = cluster;
		this.comments = comments;
		this.updates = updates;
		cluster.listen(TOPIC, this::arrived);
	}

	@Override
	public void publish(LiveEvent event) {
		deliver(event);
		if (cluster.shared()) {
			cluster.tell(TOPIC, encode(event));
		}
	}

	@Override
	public void subscribe(Consumer<LiveEvent> listener) {
		listeners.add(listener);
	}

	static String encode(LiveEvent event) {
		// fragments rendered on demand are rendered by each node for its own readers,
		// never for the wire
		if (!(event.html() instanceof RenderedOnDemand)) {
			String whole = JSON.writeValueAsString(new Wire(event, false));
			if (whole.getBytes(StandardCharsets.UTF_8).length + 64 <= Cluster.MAX_MESSAGE_BYTES) {
				return whole;
			}
		}
		var bare = new LiveEvent(event.articleId(), event.kind(), event.id(), event.parentId(), event.likes(),
				Map.of());
		return JSON.writeValueAsString(new Wire(bare, true));
	}

	private void arrived(String message) {
		Wire wire = JSON.readValue(message, Wire.class);
		if (!wire.render()) {
			deliver(wire.event());
			return;
		}
		// reading and rendering would hold up the listening thread: done beside it
		Thread.ofVirtual().name("live-render").start(() -> rendered(wire.event()).ifPresent(this::deliver));
	}

	private Optional<LiveEvent> rendered(LiveEvent bare) {
		return switch (bare.kind()) {
			case COMMENT -> comments.getObject().eventHere(bare.id(), bare.articleId());
			case UPDATE -> updates.getObject()
				.rendered(bare.id())
				.map(html -> new LiveEvent(bare.articleId(), bare.kind(), bare.id(), bare.parentId(), bare.likes(),
						html));
			default -> Optional.of(bare);
		};
	}

	private void deliver(LiveEvent event) {
		for (Consumer<LiveEvent> listener : listeners) {
			try {
				listener.accept(event);
			}
			catch (RuntimeException ex) {
				// a page that misses a live event still shows it on its next load: never
				// fail the poster's request
				log.warn("a live event listener failed on {}", event.kind(), ex);
			}
		}
	}

}
