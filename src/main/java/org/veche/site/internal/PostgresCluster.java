package org.veche.site.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.veche.site.Cluster;
import org.veche.site.OnPostgreSql;

/**
 * The nodes that share one PostgreSQL database tell each other through its LISTEN/NOTIFY:
 * each node keeps two connections of its own, outside the pool, one listening on one
 * channel and one sending with pg_notify from a queue, and reconnects either when it
 * drops. Not the pool for sending: a message is often told from an after-commit listener,
 * whose thread still holds its transaction's pooled connection, and sixteen such threads
 * waiting for a second one would empty the pool and wait on each other. Each message
 * carries the sending node's id, so a node skips its own.
 */
@Component
@OnPostgreSql
class PostgresCluster implements Cluster, SmartLifecycle {

	static final String CHANNEL = "veche";

	private static final Logger log = LoggerFactory.getLogger(PostgresCluster.class);

	/**
	 * How long the listening thread waits for a notification before it checks the
	 * connection is alive.
	 */
	private static final int POLL_MILLIS = 5_000;

	/** The most messages the sender commits at once. */
	private static final int BATCH = 200;

	private final String node = UUID.randomUUID().toString().substring(0, 8);

	private final Map<String, List<Consumer<String>>> listeners = new ConcurrentHashMap<>();

	private final String url;

	private final String username;

	private final String password;

	private volatile boolean running;

	private volatile Thread listening;

	private volatile Connection connection;

	private volatile Thread sending;

	/**
	 * Messages waiting for the sender; bounded, so that a database that is away cannot
	 * fill the heap.
	 */
	private final BlockingQueue<String> outgoing = new LinkedBlockingQueue<>(10_000);

	PostgresCluster(@Value("${spring.datasource.url}") String url,
			@Value("${spring.datasource.username:}") String username,
			@Value("${spring.datasource.password:}") String password) {
		this.url = url;
		this.username = username;
		this.password = password;
	}

	@Override
	public boolean shared() {
		return true;
	}

	@Override
	public void tell(String topic, String message) {
		String payload = node + " " + topic + "\n" + message;
		if (payload.getBytes(StandardCharsets.UTF_8).length > MAX_MESSAGE_BYTES) {
			throw new IllegalArgumentException("a cluster message of more than " + MAX_MESSAGE_BYTES + " bytes");
		}
		if (!outgoing.offer(payload)) {
			// other nodes miss one message: their pages catch up on the next load, their
			// caches on expiry
			log.warn("The cluster's send queue is full: a message ({}) is dropped", topic);
		}
	}

	/**
	 * Sends the queue in order on the sender's own connection, as many waiting messages
	 * as there are (up to {@link #BATCH}) in one transaction: each NOTIFY alone would be
	 * a commit of its own, and a commit waits for the disk, so one message at a time
	 * could not keep up with a flood of posts (each tells the other nodes at least once).
	 * Nothing waits for these commits to reach the disk either: a message is never the
	 * only record of anything, and PostgreSQL delivers it at commit all the same.
	 */
	private void sendLoop() {
		long backoff = 250;
		Connection sender = null;
		List<String> pending = new ArrayList<>();
		while (running || !outgoing.isEmpty() || !pending.isEmpty()) {
			try {
				if (pending.isEmpty()) {
					String first = outgoing.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
					if (first == null) {
						continue;
					}
					pending.add(first);
					outgoing.drainTo(pending, BATCH - 1);
				}
				if (sender == null) {
					sender = open("veche-cluster-sender");
					try (Statement settings = sender.createStatement()) {
						settings.execute("SET synchronous_commit TO off");
					}
					sender.setAutoCommit(false);
				}
				try (PreparedStatement notify = sender.prepareStatement("SELECT pg_notify(?, ?)")) {
					for (String message : pending) {
						notify.setString(1, CHANNEL);
						notify.setString(2, message);
						notify.execute();
					}
				}
				sender.commit();
				pending.clear();
				backoff = 250;
			}
			catch (InterruptedException ex) {
				break;
			}
			catch (SQLException | RuntimeException ex) {
				// the batch was not committed, so none of it went: it is sent again,
				// whole, on the next connection
				log.warn("The cluster sender lost its connection ({}); reconnecting in {} ms", ex.getMessage(),
						backoff);
				close(sender);
				sender = null;
				if (!running) {
					break;
				}
				try {
					Thread.sleep(backoff);
				}
				catch (InterruptedException interrupted) {
					break;
				}
				backoff = Math.min(backoff * 2, 10_000);
			}
		}
		close(sender);
	}

	@Override
	public void listen(String topic, Consumer<String> listener) {
		listeners.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(listener);
	}

	/** This node's id in the messages it sends. */
	String node() {
		return node;
	}

	@Override
	public void start() {
		running = true;
		listening = Thread.ofPlatform().daemon().name("veche-cluster-listener").start(this::listenLoop);
		sending = Thread.ofPlatform().daemon().name("veche-cluster-sender").start(this::sendLoop);
	}

	@Override
	public void stop() {
		running = false;
		Thread thread = listening;
		if (thread != null) {
			thread.interrupt();
		}
		closeQuietly();
		Thread sender = sending;
		if (sender != null) {
			try {
				// what is queued still goes (the loop ends once the queue is empty), for
				// a moment at most
				sender.join(2_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			sender.interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	private void listenLoop() {
		long backoff = 250;
		while (running) {
			try {
				connect();
				backoff = 250;
				var pg = connection.unwrap(PGConnection.class);
				while (running) {
					PGNotification[] notifications = pg.getNotifications(POLL_MILLIS);
					if (notifications == null || notifications.length == 0) {
						// nothing for a while: a query notices a server that went away
						// without a word
						try (Statement ping = connection.createStatement()) {
							ping.execute("SELECT 1");
						}
						continue;
					}
					for (PGNotification notification : notifications) {
						dispatch(notification.getParameter());
					}
				}
			}
			catch (SQLException | RuntimeException ex) {
				if (!running) {
					return;
				}
				log.warn("The cluster listener lost its connection ({}); reconnecting in {} ms", ex.getMessage(),
						backoff);
				closeQuietly();
				try {
					Thread.sleep(backoff);
				}
				catch (InterruptedException interrupted) {
					return;
				}
				backoff = Math.min(backoff * 2, 10_000);
			}
		}
	}

	private void connect() throws SQLException {
		Connection c = open("veche-cluster-listener");
		try (Statement listen = c.createStatement()) {
			listen.execute("LISTEN " + CHANNEL);
		}
		connection = c;
		log.info("Node {} listens to the other nodes", node);
	}

	private Connection open(String name) throws SQLException {
		var properties = new Properties();
		if (!username.isBlank()) {
			properties.setProperty("user", username);
		}
		if (!password.isBlank()) {
			properties.setProperty("password", password);
		}
		properties.setProperty("ApplicationName", name);
		properties.setProperty("tcpKeepAlive", "true");
		properties.setProperty("connectTimeout", "10");
		return DriverManager.getConnection(url, properties);
	}

	private static void close(Connection c) {
		if (c != null) {
			try {
				c.close();
			}
			catch (SQLException ex) {
				// gone already
			}
		}
	}

	void dispatch(String payload) {
		int space = payload.indexOf(' ');
		int newline = payload.indexOf('\n');
		if (space < 0 || newline < space) {
			return;
		}
		if (payload.substring(0, space).equals(node)) {
			return;
		}
		String topic = payload.substring(space + 1, newline);
		String message = payload.substring(newline + 1);
		for (Consumer<String> listener : listeners.getOrDefault(topic, List.of())) {
			try {
				listener.accept(message);
			}
			catch (RuntimeException ex) {
				log.warn("A cluster listener for {} failed", topic, ex);
			}
		}
	}

	private void closeQuietly() {
		Connection c = connection;
		connection = null;
		if (c != null) {
			try {
				c.close();
			}
			catch (SQLException ex) {
				// gone already
			}
		}
	}

}
