package org.veche.site.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import javax.sql.DataSource;

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
 * The nodes that share one PostgreSQL database tell each other through its LISTEN/NOTIFY: each node keeps one
 * connection of its own (outside the pool) listening on one channel, and reconnects when it drops; a message
 * goes out with pg_notify on a pooled connection. Each message carries the sending node's id, so a node skips
 * its own.
 */
@Component
@OnPostgreSql
class PostgresCluster implements Cluster, SmartLifecycle {

	static final String CHANNEL = "veche";

	private static final Logger log = LoggerFactory.getLogger(PostgresCluster.class);

	/** How long the listening thread waits for a notification before it checks the connection is alive. */
	private static final int POLL_MILLIS = 5_000;

	private final String node = UUID.randomUUID().toString().substring(0, 8);

	private final Map<String, List<Consumer<String>>> listeners = new ConcurrentHashMap<>();

	private final DataSource pool;

	private final String url;

	private final String username;

	private final String password;

	private volatile boolean running;

	private volatile Thread listening;

	private volatile Connection connection;

	PostgresCluster(DataSource pool, @Value("${spring.datasource.url}") String url,
			@Value("${spring.datasource.username:}") String username,
			@Value("${spring.datasource.password:}") String password) {
		this.pool = pool;
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
		// a pooled connection of its own, in auto-commit: the notification leaves now, whatever transaction the
		// caller is in (an after-commit listener still holds its committed transaction's connection)
		try (Connection c = pool.getConnection(); PreparedStatement notify = c.prepareStatement("SELECT pg_notify(?, ?)")) {
			if (!c.getAutoCommit()) {
				c.setAutoCommit(true);
			}
			notify.setString(1, CHANNEL);
			notify.setString(2, payload);
			notify.execute();
		}
		catch (SQLException ex) {
			// other nodes miss one message: their pages catch up on the next load, their caches on expiry
			log.warn("Could not tell the other nodes ({}): {}", topic, ex.getMessage());
		}
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
	}

	@Override
	public void stop() {
		running = false;
		Thread thread = listening;
		if (thread != null) {
			thread.interrupt();
		}
		closeQuietly();
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
						// nothing for a while: a query notices a server that went away without a word
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
				log.warn("The cluster listener lost its connection ({}); reconnecting in {} ms", ex.getMessage(), backoff);
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
		var properties = new Properties();
		if (!username.isBlank()) {
			properties.setProperty("user", username);
		}
		if (!password.isBlank()) {
			properties.setProperty("password", password);
		}
		properties.setProperty("ApplicationName", "veche-cluster-listener");
		properties.setProperty("tcpKeepAlive", "true");
		Connection c = DriverManager.getConnection(url, properties);
		try (Statement listen = c.createStatement()) {
			listen.execute("LISTEN " + CHANNEL);
		}
		connection = c;
		log.info("Node {} listens to the other nodes", node);
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
