package org.veche.site.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariDataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.veche.site.Cluster;
import org.veche.support.TestDatabase;

/**
 * Two nodes' cluster channels on one PostgreSQL database: what one tells, the other hears
 * (and not itself), after the listening connection is cut as well; and how long a message
 * takes, printed for the record of the latency that live events gain across nodes (the
 * figure of a loaded machine is noise: bench/two-nodes.sh reports it).
 */
class ClusterMessagesIT {

	private final List<AutoCloseable> closing = new ArrayList<>();

	private String url;

	@BeforeEach
	void database() {
		url = TestDatabase.newPostgresDatabaseUrlIfAvailable();
		Assumptions.assumeTrue(url != null, "VECHE_TEST_POSTGRES_URL is unset: the cluster channel needs PostgreSQL");
	}

	@AfterEach
	void close() throws Exception {
		for (AutoCloseable c : closing.reversed()) {
			c.close();
		}
	}

	private PostgresCluster node() {
		var node = new PostgresCluster(url, "", "");
		node.start();
		closing.add(node::stop);
		return node;
	}

	@Test
	void aMessageToldOnOneNodeIsHeardOnTheOtherAndNotByItself() throws Exception {
		PostgresCluster a = node();
		PostgresCluster b = node();
		BlockingQueue<String> heardByA = new LinkedBlockingQueue<>();
		BlockingQueue<String> heardByB = new LinkedBlockingQueue<>();
		a.listen("test", heardByA::add);
		b.listen("test", heardByB::add);
		b.listen("other", m -> heardByB.add("wrong topic: " + m));
		awaitListening(a, b);

		a.tell("test", "hello, «мир»\nsecond line");

		assertThat(heardByB.poll(5, TimeUnit.SECONDS)).isEqualTo("hello, «мир»\nsecond line");
		assertThat(heardByA.poll(300, TimeUnit.MILLISECONDS)).isNull();
		assertThat(heardByB).isEmpty();
		assertThatThrownBy(() -> a.tell("test", "x".repeat(Cluster.MAX_MESSAGE_BYTES)))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void theListenerAndTheSenderReconnectWhenTheirConnectionsAreCut() throws Exception {
		PostgresCluster a = node();
		PostgresCluster b = node();
		BlockingQueue<String> heard = new LinkedBlockingQueue<>();
		b.listen("test", heard::add);
		awaitListening(a, b);
		try (var pool = new HikariDataSource()) {
			pool.setJdbcUrl(url);
			try (Connection c = pool.getConnection()) {
				c.createStatement()
					.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
							+ "WHERE application_name LIKE 'veche-cluster-%' AND datname = current_database()");
			}
		}
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
		String got = null;
		while (got == null && System.nanoTime() < deadline) {
			a.tell("test", "after the cut");
			got = heard.poll(500, TimeUnit.MILLISECONDS);
		}
		assertThat(got).isEqualTo("after the cut");
	}

	@Test
	void aFloodOfMessagesArrivesWholeAndInOrderWithinSeconds() throws Exception {
		PostgresCluster a = node();
		PostgresCluster b = node();
		BlockingQueue<String> heard = new LinkedBlockingQueue<>();
		b.listen("flood", heard::add);
		awaitListening(a, b);
		// what a flood of posts tells: more messages than a commit (a disk flush) each
		// could carry in seconds
		int count = 5_000;
		long started = System.nanoTime();
		for (int i = 0; i < count; i++) {
			a.tell("flood", "article " + i);
		}
		var got = new ArrayList<String>();
		while (got.size() < count) {
			String message = heard.poll(10, TimeUnit.SECONDS);
			assertThat(message).as("message %d of %d arrived", got.size(), count).isNotNull();
			got.add(message);
		}
		long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
		System.out.printf("cluster messages: %d told at once arrived in %d ms%n", count, millis);
		assertThat(got).containsExactlyElementsOf(
				java.util.stream.IntStream.range(0, count).mapToObj(i -> "article " + i).toList());
		assertThat(millis).as("5,000 messages, one flush per batch").isLessThan(10_000);
	}

	@Test
	void latencyOfOneMessageBetweenNodes() throws Exception {
		PostgresCluster a = node();
		PostgresCluster b = node();
		BlockingQueue<Long> arrivals = new LinkedBlockingQueue<>();
		b.listen("latency", m -> arrivals.add(System.nanoTime() - Long.parseLong(m)));
		awaitListening(a, b);
		var micros = new ArrayList<Long>();
		for (int i = 0; i < 200; i++) {
			a.tell("latency", Long.toString(System.nanoTime()));
			Long took = arrivals.poll(5, TimeUnit.SECONDS);
			assertThat(took).as("message %d arrived", i).isNotNull();
			micros.add(took / 1_000);
		}
		Collections.sort(micros);
		System.out.printf("cross-node message latency over 200 messages: p50 %d us, p99 %d us, max %d us%n",
				micros.get(100), micros.get(198), micros.get(199));
		assertThat(micros.get(198)).isLessThan(1_000_000);
	}

	/** Both listening: a message told before a node's LISTEN would be lost to it. */
	private static void awaitListening(PostgresCluster... nodes) throws InterruptedException {
		BlockingQueue<String> probe = new LinkedBlockingQueue<>();
		for (PostgresCluster node : nodes) {
			node.listen("probe", probe::add);
		}
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
		while (System.nanoTime() < deadline) {
			for (PostgresCluster node : nodes) {
				node.tell("probe", node.node());
			}
			Thread.sleep(100);
			if (probe.stream().distinct().count() == nodes.length) {
				return;
			}
		}
		throw new AssertionError("the nodes did not start listening");
	}

}
