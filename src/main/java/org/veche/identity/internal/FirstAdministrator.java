package org.veche.identity.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.veche.identity.Identity;

/**
 * On a site with no account, VECHE_ADMIN_EMAIL and VECHE_ADMIN_PASSWORD make the first
 * administrator; without them the one-time /setup page does.
 */
@Component
@Order(0)
class FirstAdministrator implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

	private final Identity identity;

	private final String email;

	private final String password;

	FirstAdministrator(Identity identity, @Value("${VECHE_ADMIN_EMAIL:${veche.admin.email:}}") String email,
			@Value("${VECHE_ADMIN_PASSWORD:${veche.admin.password:}}") String password) {
		this.identity = identity;
		this.email = email;
		this.password = password;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (email.isBlank() || password.isBlank()) {
			if (!identity.hasAccounts()) {
				log.info("No account yet: open /setup to make the first administrator.");
			}
			return;
		}
		identity.createFirstAdministrator(email, password, "Administrator")
			.ifPresent(account -> log.info("Made the first administrator, account {}.", account.id()));
	}

}
