package org.veche.identity.internal;

import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Component;
import org.veche.identity.SignedIn;

/**
 * Ends an account's sessions on other devices after its password changes, through Spring Security's session
 * registry. Remember-me cookies need no help: their signature covers the password hash, so they stop working
 * by themselves.
 */
@Component
public class SignedInSessions {

	private final SessionRegistry registry;

	SignedInSessions(SessionRegistry registry) {
		this.registry = registry;
	}

	/** @param keepSessionId the session to leave signed in (the one that made the change), or null */
	public void endAll(long accountId, String keepSessionId) {
		for (Object principal : registry.getAllPrincipals()) {
			if (principal instanceof SignedIn signedIn && signedIn.accountId() == accountId) {
				for (var session : registry.getAllSessions(principal, false)) {
					if (!session.getSessionId().equals(keepSessionId)) {
						session.expireNow();
					}
				}
			}
		}
	}

}
