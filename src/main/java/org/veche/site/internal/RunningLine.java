package org.veche.site.internal;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Says where the site is, once it is ready: after the first administrator and the demo
 * content exist (they are made by application runners, which Spring Boot runs before the
 * ready event), so the address works at once. The same moment turns /actuator/health to
 * UP (the readiness state, see application.properties). A plain line on standard output,
 * not a log event: it is what a person who typed {@code mvn spring-boot:run} looks for.
 */
@Component
class RunningLine {

	@EventListener
	void ready(ApplicationReadyEvent event) {
		if (event.getApplicationContext() instanceof WebServerApplicationContext web && web.getWebServer() != null
				&& web.getWebServer().getPort() > 0) {
			System.out.println("Veche is running at http://localhost:" + web.getWebServer().getPort());
			System.out.flush();
		}
	}

}
