package org.veche.discussion.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import jakarta.servlet.ServletException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.veche.site.Cluster;
import org.veche.site.RejectedInput;

/**
 * Comment posts take turns, so that a flood of them leaves part of the machine to
 * readers. Taking a comment costs CPU (screening, Markdown, the transaction, the caches
 * and the live stream after the commit, the answer); sixteen writers at once would
 * otherwise keep every core busy and the pages of the same article would be served at a
 * quarter of their rate. At most {@code veche.posting.concurrency} posts run at once on
 * this node, in order of arrival (a fair semaphore, where a waiting virtual thread gives
 * its carrier back); a post that gets no turn within {@code veche.posting.max-wait} is
 * refused before anything of it is stored, with 503 and Retry-After.
 * <p>
 * A post made inside a transaction its caller already began (a moderator's
 * approve-and-reply) goes ahead without a turn: on SQLite that transaction holds the
 * single writer, and waiting for a turn held by a post that waits for the writer would
 * stall both. Callers that begin their own transaction around a post take the turn first
 * ({@link #take} is reentrant on a thread).
 */
@Component
public class PostingTurns {

	private static final Logger log = LoggerFactory.getLogger(PostingTurns.class);

	private static final long LOG_EVERY_MILLIS = 60_000;

	private final Semaphore turns;

	private final int concurrency;

	private final Duration wait;

	/**
	 * How long a turn rests after a post, as a multiple of the time the post held it (0:
	 * not at all).
	 */
	private final double restFactor;

	private final ThreadLocal<Boolean> holding = new ThreadLocal<>();

	/**
	 * Set while a request that got no turn is handled: its post is refused without
	 * waiting again.
	 */
	private final ThreadLocal<Boolean> refused = new ThreadLocal<>();

	private final AtomicLong turnedAway = new AtomicLong();

	private final AtomicLong lastLogged = new AtomicLong();

	PostingTurns(PostingProperties properties, Cluster cluster) {
		this.concurrency = properties.concurrency() > 0 ? properties.concurrency()
				: defaultConcurrency(cluster.shared(), Runtime.getRuntime().availableProcessors());
		this.wait = properties.maxWait();
		if (!(properties.busyShare() > 0 && properties.busyShare() <= 1)) {
			throw new IllegalArgumentException(
					"veche.posting.busy-share is above 0 and at most 1, not " + properties.busyShare());
		}
		this.restFactor = 1 / properties.busyShare() - 1;
		this.turns = new Semaphore(concurrency, true);
		log.debug("Comment posts: {} at once, waiting at most {}, busy-share {}", concurrency, wait,
				properties.busyShare());
	}

	/**
	 * One node on SQLite: half the cores (one on a two-core machine), since its single
	 * writer takes one post at a time anyway. PostgreSQL (many nodes, no single writer,
	 * and a post spends much of its time waiting for the database over the network): four
	 * per core.
	 */
	static int defaultConcurrency(boolean sharedDatabase, int cores) {
		return sharedDatabase ? 4 * cores : Math.max(1, cores / 2);
	}

	/** How many posts may run at once here. */
	public int concurrency() {
		return concurrency;
	}

	/** A request's handling, as a servlet filter passes it on. */
	@FunctionalInterface
	public interface Handling {

		void handle() throws IOException, ServletException;

	}

	/**
	 * Handles a comment post's whole request in a turn (the servlet filter's way: MVC,
	 * the JSON or form body, the post, the answer). A request that gets no turn in time
	 * is still handled, but without one, and its post is refused at once (see
	 * {@link #take}), so that the controller answers the refusal as it answers any: the
	 * form again, or problem+json.
	 */
	public void handle(Handling request) throws IOException, ServletException {
		if (Boolean.TRUE.equals(holding.get()) || TransactionSynchronizationManager.isActualTransactionActive()) {
			request.handle();
			return;
		}
		if (!acquire()) {
			refused.set(Boolean.TRUE);
			try {
				request.handle();
			}
			finally {
				refused.remove();
			}
			return;
		}
		holding.set(Boolean.TRUE);
		long since = System.nanoTime();
		try {
			request.handle();
		}
		finally {
			holding.remove();
			release(since);
		}
	}

	/**
	 * Runs the work (a post, and what its request does with it) in a turn: the request's
	 * own when its filter took one, else a turn of its own.
	 * @throws RejectedInput 503 with a Retry-After when no turn came within the wait;
	 * nothing was done then
	 */
	public <T> T take(Supplier<T> work) {
		if (Boolean.TRUE.equals(holding.get())) {
			return work.get();
		}
		if (Boolean.TRUE.equals(refused.get())) {
			throw busy();
		}
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			return work.get();
		}
		if (!acquire()) {
			throw busy();
		}
		holding.set(Boolean.TRUE);
		long since = System.nanoTime();
		try {
			return work.get();
		}
		finally {
			holding.remove();
			release(since);
		}
	}

	private boolean acquire() {
		boolean turn;
		try {
			turn = turns.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			turn = false;
		}
		if (!turn) {
			tellTheLog();
		}
		return turn;
	}

	/**
	 * Gives the turn back, after its rest (on a timer: the post's answer is not held
	 * back).
	 */
	private void release(long since) {
		long rest = (long) ((System.nanoTime() - since) * restFactor);
		if (rest <= 0) {
			turns.release();
		}
		else {
			CompletableFuture.delayedExecutor(rest, TimeUnit.NANOSECONDS).execute(turns::release);
		}
	}

	private RejectedInput busy() {
		return new RejectedInput(HttpStatus.SERVICE_UNAVAILABLE, wait, "comment.busy");
	}

	/** At most once a minute, so that a flood does not fill the log as well. */
	private void tellTheLog() {
		long count = turnedAway.incrementAndGet();
		long now = System.currentTimeMillis();
		long last = lastLogged.get();
		if (now - last >= LOG_EVERY_MILLIS && lastLogged.compareAndSet(last, now)) {
			log.warn("Comment posts are arriving faster than this node takes them ({} at once): {} refused with 503 "
					+ "after waiting {} for a turn so far", concurrency, count, wait);
		}
	}

}
