package org.veche.discussion.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.veche.site.Cluster;
import org.veche.site.RejectedInput;

/**
 * The turns themselves, without a server: nested turns on one thread, the rest after a
 * post, the defaults.
 */
class PostingTurnsTests {

	/** One node on SQLite: no other node to tell. */
	private static final Cluster ALONE = new Cluster() {

		@Override
		public boolean shared() {
			return false;
		}

		@Override
		public void tell(String topic, String message) {
		}

		@Override
		public void listen(String topic, Consumer<String> listener) {
		}

	};

	private static PostingTurns turns(int concurrency, Duration maxWait, double busyShare) {
		return new PostingTurns(new PostingProperties(concurrency, maxWait, busyShare), ALONE);
	}

	@Test
	void aThreadHoldingATurnTakesNoSecond() {
		var turns = turns(1, Duration.ofMillis(200), 1.0);
		// the form's turn around the post, the post's own inside it: one turn, no wait
		// for itself
		String answer = turns.take(() -> turns.take(() -> "posted"));
		assertThat(answer).isEqualTo("posted");
	}

	@Test
	void aPostThatGetsNoTurnInTimeIsRefusedWith503AndRetryAfter() throws Exception {
		var turns = turns(1, Duration.ofMillis(100), 1.0);
		try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
			var holding = new java.util.concurrent.CountDownLatch(1);
			var release = new java.util.concurrent.CountDownLatch(1);
			var holder = pool.submit(() -> turns.take(() -> {
				holding.countDown();
				try {
					return release.await(10, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					throw new IllegalStateException(ex);
				}
			}));
			assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
			var ran = new java.util.concurrent.atomic.AtomicBoolean();
			assertThatThrownBy(() -> turns.take(() -> ran.getAndSet(true))).isInstanceOfSatisfying(RejectedInput.class,
					refused -> {
						assertThat(refused.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
						assertThat(refused.messageKey()).isEqualTo("comment.busy");
						assertThat(refused.retryAfterSeconds()).contains("1");
					});
			assertThat(ran).as("the refused post's work never ran").isFalse();
			release.countDown();
			assertThat(holder.get(10, TimeUnit.SECONDS)).isTrue();
		}
		assertThat(turns.take(() -> "free again")).isEqualTo("free again");
	}

	@Test
	void belowFullShareATurnRestsAfterAPostAsLongAsThePostTimesTheFactor() {
		// half the time: a post that held its turn 60 ms leaves it resting another 60 ms
		var turns = turns(1, Duration.ofSeconds(5), 0.5);
		turns.take(() -> {
			sleep(60);
			return null;
		});
		long started = System.nanoTime();
		turns.take(() -> null);
		long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
		assertThat(waited).isBetween(40L, 2_000L);

		var full = turns(1, Duration.ofSeconds(5), 1.0);
		full.take(() -> {
			sleep(60);
			return null;
		});
		started = System.nanoTime();
		full.take(() -> null);
		assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(40L);
	}

	@Test
	void theDefaultIsHalfTheCoresOnSqliteAndFourPerCoreOnPostgresql() {
		assertThat(PostingTurns.defaultConcurrency(false, 1)).isEqualTo(1);
		assertThat(PostingTurns.defaultConcurrency(false, 2)).isEqualTo(1);
		assertThat(PostingTurns.defaultConcurrency(false, 8)).isEqualTo(4);
		assertThat(PostingTurns.defaultConcurrency(true, 2)).isEqualTo(8);
		assertThat(turns(0, Duration.ofSeconds(1), 1.0).concurrency()).isPositive();
		assertThat(turns(3, Duration.ofSeconds(1), 1.0).concurrency()).isEqualTo(3);
	}

	@Test
	void aBusyShareOutsideZeroToOneIsRefusedAtStart() {
		assertThatThrownBy(() -> turns(1, Duration.ofSeconds(1), 0)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> turns(1, Duration.ofSeconds(1), 1.5)).isInstanceOf(IllegalArgumentException.class);
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
