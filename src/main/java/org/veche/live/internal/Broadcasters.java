package org.veche.live.internal;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter.DataWithMediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.veche.live.LiveEvent;
import org.veche.live.LiveEvents;
import org.veche.site.Page;

import tools.jackson.databind.json.JsonMapper;

/**
 * This node's broadcasters, one per article that someone has open. Events get a sequence
 * number here, which is the SSE id ("boot-seq"); the boot part changes with every start,
 * so a reader who reconnects after a restart is told to resync rather than silently
 * missing what happened meanwhile.
 */
@Component
public class Broadcasters implements SmartLifecycle {

	/**
	 * How long before the newest frame a freshly rendered page starts (see
	 * Broadcaster.startFor).
	 */
	static final long START_MARGIN_MILLIS = 2_000;

	/**
	 * How long an article nobody reads keeps its broadcaster (and the frames a
	 * reconnecting reader needs).
	 */
	static final long IDLE_MILLIS = 10 * 60_000;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Set<DataWithMediaType> HEARTBEAT = SseEmitter.event().comment("").build();

	private final String boot;

	private final AtomicLong sequence = new AtomicLong();

	private final Map<Long, Broadcaster> byArticle = new ConcurrentHashMap<>();

	private final Clock clock;

	private volatile boolean running;

	Broadcasters(LiveEvents events, Clock clock) {
		this.clock = clock;
		this.boot = Long.toString(clock.millis(), 36);
		events.subscribe(this::deliver);
	}

	/**
	 * Where a page rendered now starts listening; made before the page reads the thread,
	 * so nothing falls between.
	 */
	public String position(long articleId) {
		long current = sequence.get();
		Broadcaster broadcaster = byArticle.computeIfAbsent(articleId,
				id -> new Broadcaster(id, current, clock.millis()));
		return boot + "-" + broadcaster.startFor(sequence.get(), clock.millis(), START_MARGIN_MILLIS);
	}

	/**
	 * Adds a reader to the article's broadcaster.
	 * @param since the last id the reader saw ("boot-seq", from Last-Event-ID or the
	 * page), or null
	 */
	public Subscriber join(long articleId, SseEmitter emitter, String language, String since) {
		Broadcaster broadcaster = byArticle.computeIfAbsent(articleId,
				id -> new Broadcaster(id, sequence.get(), clock.millis()));
		var subscriber = new Subscriber(emitter, language);
		if (!running) {
			// shutting down: the browser comes back to a node that is up
			emitter.complete();
			return subscriber;
		}
		long seen = -1;
		boolean foreign = false;
		if (since != null && !since.isBlank()) {
			int dash = since.lastIndexOf('-');
			try {
				seen = Long.parseLong(since.substring(dash + 1).strip());
				foreign = dash < 0 || !since.substring(0, dash).strip().equals(boot);
			}
			catch (NumberFormatException ex) {
				foreign = true;
			}
		}
		var hello = SseEmitter.event().reconnectTime(5_000).comment("veche live").build();
		var resync = SseEmitter.event().id(boot + "-" + sequence.get()).name("resync").data("{}").build();
		// an id from before a restart (or from another node) says nothing about what this
		// node kept: resync
		broadcaster.join(subscriber, foreign ? -1 : seen, foreign, hello, resync);
		emitter.onCompletion(() -> broadcaster.leave(subscriber));
		emitter.onTimeout(() -> broadcaster.leave(subscriber));
		emitter.onError(error -> broadcaster.leave(subscriber));
		return subscriber;
	}

	void deliver(LiveEvent event) {
		// numbered and kept under the map's lock for the article, so frames enter its
		// ring in order
		byArticle.computeIfPresent(event.articleId(), (id, broadcaster) -> {
			long seq = sequence.incrementAndGet();
			broadcaster.broadcast(frame(seq, event));
			return broadcaster;
		});
	}

	private Frame frame(long seq, LiveEvent event) {
		String id = boot + "-" + seq;
		String name = event.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
		if (event.html().isEmpty()) {
			var same = SseEmitter.event().id(id).name(name).data(json(event, null)).build();
			return new Frame(seq, clock.millis(), language -> same);
		}
		// the fragment is rendered (when it is rendered on demand) for the languages
		// readers are sent it in
		return new Frame(seq, clock.millis(),
				language -> SseEmitter.event().id(id).name(name).data(json(event, html(event, language))).build());
	}

	/**
	 * The fragment in the reader's language, or in the first the event has when that one
	 * is missing.
	 */
	private static String html(LiveEvent event, String language) {
		String html = event.html().get(language);
		if (html != null) {
			return html;
		}
		for (var known : Page.LANGUAGES) {
			html = event.html().get(known.getLanguage());
			if (html != null) {
				return html;
			}
		}
		return event.html().values().iterator().next();
	}

	/**
	 * Whether a page of the article was rendered or opened on this node lately, so that
	 * its events are wanted here.
	 */
	boolean watched(long articleId) {
		return byArticle.containsKey(articleId);
	}

	private static String json(LiveEvent event, String html) {
		var data = new LinkedHashMap<String, Object>();
		data.put("id", event.id());
		if (event.parentId() != null) {
			data.put("parentId", event.parentId());
		}
		if (event.kind() == LiveEvent.Kind.LIKES) {
			data.put("likes", event.likes());
		}
		if (html != null) {
			data.put("html", html);
		}
		return JSON.writeValueAsString(data);
	}

	/** Readers connected to this node, for the benchmark and the logs. */
	public int readers() {
		return byArticle.values().stream().mapToInt(Broadcaster::readers).sum();
	}

	@Override
	public void start() {
		running = true;
	}

	/**
	 * Open streams never finish on their own, so a graceful shutdown would wait its whole
	 * timeout for them: they are ended first, and browsers reconnect with their
	 * Last-Event-ID to a node that is up.
	 */
	@Override
	public void stop() {
		running = false;
		byArticle.values().forEach(Broadcaster::closeAll);
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/** Stops before the web server begins its graceful shutdown. */
	@Override
	public int getPhase() {
		return Integer.MAX_VALUE;
	}

	@Scheduled(fixedDelayString = "${veche.live.heartbeat:PT25S}")
	void heartbeat() {
		byArticle.values().forEach(broadcaster -> broadcaster.heartbeat(HEARTBEAT));
	}

	@Scheduled(fixedDelay = 60_000)
	void forgetIdle() {
		long before = clock.millis() - IDLE_MILLIS;
		byArticle.entrySet().removeIf(entry -> entry.getValue().idleSince(before));
	}

}
