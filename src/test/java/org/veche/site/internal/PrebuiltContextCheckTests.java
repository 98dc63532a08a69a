package org.veche.site.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * A start from Spring AOT's prebuilt context is refused when its settings would have
 * decided other beans than the defaults the jar was processed with; every other start
 * (the usual one, without -Dspring.aot.enabled) is not looked at.
 */
class PrebuiltContextCheckTests {

	private static StandardEnvironment environment(Map<String, Object> settings) {
		var environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("test", settings));
		return environment;
	}

	@Test
	void theDefaultsAndSettingsThatDecideNoBeanPass() {
		var settings = environment(Map.of("spring.datasource.url", "jdbc:sqlite:/srv/veche/data/veche.db",
				"spring.mail.host", "", "veche.page-cache.enabled", "true", "veche.rate-limit.enabled", "false",
				"server.port", "8081"));

		assertThat(PrebuiltContextCheck.decidedOtherwise(settings)).isEmpty();
	}

	@Test
	void postgresqlMailExternalSignInAndNoPageCacheAreEachNamed() {
		var settings = environment(Map.of("spring.datasource.url", "jdbc:postgresql://db/veche", "spring.mail.host",
				"smtp.example.org", "spring.security.oauth2.client.registration.github.client-id", "abc",
				"veche.page-cache.enabled", "false"));

		assertThat(PrebuiltContextCheck.decidedOtherwise(settings)).containsExactly(
				"spring.datasource.url (PostgreSQL)", "spring.mail.host", "veche.page-cache.enabled=false",
				"spring.security.oauth2.client.registration (external sign-in)");
	}

	@Test
	void anActiveProfileIsNamed() {
		var settings = environment(Map.of());
		settings.setActiveProfiles("staging");

		assertThat(PrebuiltContextCheck.decidedOtherwise(settings)).containsExactly("spring.profiles.active");
	}

	@Test
	void aUsualStartIsNotLookedAt() {
		var postgresql = environment(Map.of("spring.datasource.url", "jdbc:postgresql://db/veche"));

		assertThatNoException()
			.isThrownBy(() -> new PrebuiltContextCheck().postProcessEnvironment(postgresql, new SpringApplication()));
	}

}
