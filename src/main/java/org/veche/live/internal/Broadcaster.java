package org.veche.live.internal;

import java.util.ArrayDeque;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter.DataWithMediaType;

/**
 * Everyone reading one article: a set of subscribers and the last few frames, for readers
 * who reconnect. All writes to an article's readers happen in order on one virtual thread
 * that exists only while there is something to send, so a post never waits for thousands
 * of sockets and an idle article costs no thread.
 */
final class Broadcaster {

	private static final Logger log = LoggerFactory.getLogger(Broadcaster.class);

	/**
	 * Frames kept for readers who reconnect (Last-Event-ID); one who missed more reloads
	 * the thread.
	 */
	static final int KEPT = 64;

	private final long articleId;

	private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();

	private final ArrayDeque<Frame> recent = new ArrayDeque<>();

	/**
	 * The sequence number before the oldest kept frame: a reader whose position is older
	 * may have missed some.
	 */
	private long floor;

	private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();

	private final AtomicBoolean draining = new AtomicBoolean();

	private volatile long lastActive;

	Broadcaster(long articleId, long floor, long now) {
		this.articleId = articleId;
		this.floor = floor;
		this.lastActive = now;
	}

	/**
	 * Keeps the frame (under the caller's lock, so sequence numbers enter in order) and
	 * sends it to everyone.
	 */
	void broadcast(Frame frame) {
		synchronized (recent) {
			recent.addLast(frame);
			if (recent.size() > KEPT) {
				floor = recent.removeFirst().seq();
			}
		}
		lastActive = frame.at();
		run(() -> subscribers.removeIf(s -> !s.send(frame.forLanguage(s.language()))));
	}

	/**
	 * Adds a reader, first sending what it missed since its position, or a resync when
	 * that is no longer kept.
	 * @param since the sequence number the reader has seen, or -1 for none
	 * @param lost whether the reader's position cannot be trusted (another boot's), so it
	 * must resync
	 */
	void join(Subscriber subscriber, long since, boolean lost, Set<DataWithMediaType> hello,
			Set<DataWithMediaType> resync) {
		run(() -> {
			if (!subscriber.send(hello)) {
				return;
			}
			if (lost && !subscriber.send(resync)) {
				return;
			}
			if (since >= 0) {
				Frame[] missed;
				boolean gap;
				synchronized (recent) {
					gap = since < floor;
					missed = recent.stream().filter(f -> f.seq() > since).toArray(Frame[]::new);
				}
				if (gap && !subscriber.send(resync)) {
					return;
				}
				for (Frame frame : missed) {
					if (!subscriber.send(frame.forLanguage(subscriber.language()))) {
						return;
					}
				}
			}
			if (!subscriber.isGone()) {
				subscribers.add(subscriber);
			}
		});
	}

	void leave(Subscriber subscriber) {
		subscriber.leave();
		subscribers.remove(subscriber);
	}

	/**
	 * A comment line now and then, so that dead connections are found and proxies keep
	 * live ones open.
	 */
	void heartbeat(Set<DataWithMediaType> beat) {
		if (!subscribers.isEmpty()) {
			run(() -> subscribers.removeIf(s -> !s.send(beat)));
		}
	}

	/**
	 * The position a page rendered now should start from: a little before the newest
	 * frame, because a comment's frame can be published a moment before the thread cache
	 * forgets the old thread; the script skips what the page already shows.
	 */
	long startFor(long current, long now, long margin) {
		synchronized (recent) {
			long start = current;
			for (var it = recent.descendingIterator(); it.hasNext();) {
				Frame frame = it.next();
				if (frame.at() < now - margin) {
					break;
				}
				start = frame.seq() - 1;
			}
			return Math.max(start, floor);
		}
	}

	void closeAll() {
		subscribers.forEach(Subscriber::close);
		subscribers.clear();
	}

	int readers() {
		return subscribers.size();
	}

	boolean idleSince(long before) {
		return subscribers.isEmpty() && tasks.isEmpty() && lastActive < before;
	}

	private void run(Runnable task) {
		tasks.add(task);
		if (draining.compareAndSet(false, true)) {
			Thread.ofVirtual().name("live-article-" + articleId).start(this::drain);
		}
	}

	private void drain() {
		do {
			Runnable task;
			while ((task = tasks.poll()) != null) {
				try {
					task.run();
				}
				catch (RuntimeException ex) {
					log.warn("a live frame for article {} was not sent", articleId, ex);
				}
			}
			draining.set(false);
		}
		while (!tasks.isEmpty() && draining.compareAndSet(false, true));
	}

}
