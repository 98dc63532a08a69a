package org.veche.site.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizers;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.support.JdbcTransactionManager;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The embedded default is one SQLite file: its folder is made before the first
 * connection, and every connection gets write-ahead logging and a busy timeout so that
 * readers never wait on the single writer.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

	/**
	 * {@code veche.sqlite.synchronous}: NORMAL (the default) keeps every commit through a
	 * crash of the process but may lose the last commits when the machine loses power;
	 * FULL keeps those too, at the cost of a sync on every commit (see
	 * bench/sqlite-durability.sh and the README).
	 */
	@Bean
	static BeanPostProcessor sqliteTuning(Environment environment) {
		String synchronous = environment.getProperty("veche.sqlite.synchronous", "NORMAL")
			.strip()
			.toUpperCase(java.util.Locale.ROOT);
		if (!java.util.Set.of("NORMAL", "FULL", "EXTRA").contains(synchronous)) {
			throw new IllegalArgumentException("veche.sqlite.synchronous is NORMAL, FULL or EXTRA, not " + synchronous);
		}
		return new BeanPostProcessor() {
			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				if (bean instanceof HikariDataSource hikari && hikari.getJdbcUrl() != null
						&& hikari.getJdbcUrl().startsWith("jdbc:sqlite:")) {
					makeFolderFor(hikari.getJdbcUrl());
					hikari.addDataSourceProperty("journal_mode", "WAL");
					hikari.addDataSourceProperty("synchronous", synchronous);
					hikari.addDataSourceProperty("busy_timeout", "30000");
					hikari.addDataSourceProperty("foreign_keys", "true");
					// A write transaction takes the lock when it begins, so two writers
					// queue instead of deadlocking.
					hikari.addDataSourceProperty("transaction_mode", "IMMEDIATE");
				}
				return bean;
			}
		};
	}

	private static void makeFolderFor(String url) {
		String file = url.substring("jdbc:sqlite:".length());
		int query = file.indexOf('?');
		if (query >= 0) {
			file = file.substring(0, query);
		}
		if (file.isEmpty() || file.startsWith(":memory:") || file.startsWith("file:")) {
			return;
		}
		Path parent = Path.of(file).toAbsolutePath().getParent();
		try {
			Files.createDirectories(parent);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create the database folder " + parent, ex);
		}
	}

	/**
	 * Spring Boot's own transaction manager for PostgreSQL; for SQLite one that lets
	 * writers queue in Java rather than in SQLite's busy handler (see
	 * {@link SingleWriterTransactions}).
	 */
	@Bean
	JdbcTransactionManager transactionManager(DataSource dataSource, Environment environment,
			ObjectProvider<TransactionManagerCustomizers> customizers) {
		boolean sqlite = environment.getProperty("spring.datasource.url", "").startsWith("jdbc:sqlite:");
		JdbcTransactionManager manager = sqlite ? new SingleWriterTransactions(dataSource)
				: new JdbcTransactionManager(dataSource);
		customizers.ifAvailable(all -> all.customize(manager));
		return manager;
	}

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
