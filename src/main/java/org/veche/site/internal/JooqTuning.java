package org.veche.site.internal;

import org.springframework.boot.jooq.autoconfigure.DefaultConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * jOOQ logs every query it executes through a listener that asks the logger whether debug
 * is on (through logback's turbo filters) several times per query, though the level is
 * set to warn; a comment post runs about fifteen queries. Execute logging off removes
 * that listener.
 */
@Configuration(proxyBeanMethods = false)
class JooqTuning {

	@Bean
	DefaultConfigurationCustomizer quietJooq() {
		return configuration -> configuration.settings().withExecuteLogging(false);
	}

}
