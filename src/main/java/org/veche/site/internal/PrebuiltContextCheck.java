package org.veche.site.internal;

import java.util.ArrayList;
import java.util.List;

import org.springframework.aot.AotDetector;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;

/**
 * With {@code -Dspring.aot.enabled=true} the site starts from the context Spring AOT
 * prepared when the jar was built (see README, "Running it for real"), and in it every
 * bean condition was decided then, with the defaults: one node on SQLite, no SMTP server,
 * no external sign-in, the guests' page cache on. A start with settings that would have
 * decided otherwise would run without the beans they ask for (no cluster on PostgreSQL,
 * no mail, no sign-in button), silently; so such a start is refused, naming the settings,
 * and the site starts without that flag instead.
 */
class PrebuiltContextCheck implements EnvironmentPostProcessor {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!AotDetector.useGeneratedArtifacts()) {
			return;
		}
		List<String> decided = decidedOtherwise(environment);
		if (!decided.isEmpty()) {
			throw new IllegalStateException("Spring AOT (-Dspring.aot.enabled=true) prepared this jar's context for "
					+ "one node on SQLite with the default settings, but this start sets " + String.join(", ", decided)
					+ ": start it without -Dspring.aot.enabled=true (and without an AOT cache trained with it).");
		}
	}

	static List<String> decidedOtherwise(ConfigurableEnvironment environment) {
		var found = new ArrayList<String>();
		if (environment.getProperty("spring.datasource.url", "").startsWith("jdbc:postgresql:")) {
			found.add("spring.datasource.url (PostgreSQL)");
		}
		if (!environment.getProperty("spring.mail.host", "").isBlank()
				|| !environment.getProperty("spring.mail.jndi-name", "").isBlank()) {
			found.add("spring.mail.host");
		}
		if (!environment.getProperty("veche.page-cache.enabled", Boolean.class, true)) {
			found.add("veche.page-cache.enabled=false");
		}
		if (environment.getActiveProfiles().length > 0) {
			found.add("spring.profiles.active");
		}
		for (var source : environment.getPropertySources()) {
			if (source instanceof EnumerablePropertySource<?> names) {
				for (String name : names.getPropertyNames()) {
					if (name.startsWith("spring.security.oauth2.client.registration.")
							|| name.startsWith("SPRING_SECURITY_OAUTH2_CLIENT_REGISTRATION_")) {
						found.add("spring.security.oauth2.client.registration (external sign-in)");
						return found;
					}
				}
			}
		}
		return found;
	}

}
