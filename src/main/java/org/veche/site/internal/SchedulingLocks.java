package org.veche.site.internal;

import java.util.Optional;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.veche.site.OnPostgreSql;
import org.veche.site.OnSqlite;

/**
 * Scheduled jobs that change the site (scheduled publishing, retention, digests) carry
 * ShedLock's {@code @SchedulerLock}: on PostgreSQL the lock is a row of {@code shedlock},
 * so of several nodes one runs each job at a time; one node on SQLite always gets it,
 * without touching its database.
 */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M")
class SchedulingLocks {

	@Bean
	@OnPostgreSql
	LockProvider sharedLocks(DataSource dataSource) {
		return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
			.withJdbcTemplate(new JdbcTemplate(dataSource))
			.withTableName("shedlock")
			// the database's clock, not each node's: nodes whose clocks differ still
			// agree on a lock's end
			.usingDbTime()
			.build());
	}

	@Bean
	@OnSqlite
	LockProvider singleNodeLocks() {
		return lock -> Optional.of(() -> {
		});
	}

}
