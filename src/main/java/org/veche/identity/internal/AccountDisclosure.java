package org.veche.identity.internal;

import java.time.Duration;
import java.util.List;

import org.springframework.stereotype.Component;
import org.veche.identity.SignInProviders;
import org.veche.privacy.Disclosure;

/**
 * Identity's cookies (the session, remember-me) and the sign-in providers the owner
 * configured, each of which learns of a reader only when that reader chooses to sign in
 * with it.
 */
@Component
class AccountDisclosure implements Disclosure {

	private final SignInProviders providers;

	AccountDisclosure(SignInProviders providers) {
		this.providers = providers;
	}

	@Override
	public List<SiteCookie> cookies() {
		return List.of(new SiteCookie("veche_session", "privacy.cookie.session", "privacy.cookie.session.when", null),
				new SiteCookie("veche_remember", "privacy.cookie.remember", "privacy.cookie.remember.when",
						Duration.ofDays(30)));
	}

	@Override
	public List<Recipient> recipients() {
		return providers.all().stream().map(p -> new Recipient(p.name(), "privacy.recipient.signIn")).toList();
	}

}
