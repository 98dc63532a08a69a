package org.veche.identity.internal;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Component;
import org.veche.identity.SignedIn;

/**
 * Ends an account's sessions on other devices after its password changes: through Spring
 * Security's session registry on one node, or by deleting them from the shared session
 * table (indexed by account id, see {@link SharedSessions}) when sessions live in
 * PostgreSQL. Remember-me cookies need no help: their signature covers the password hash,
 * so they stop working by themselves.
 */
@Component
public class SignedInSessions {

	private final ObjectProvider<SessionRegistry> registry;

	private final ObjectProvider<FindByIndexNameSessionRepository<?>> shared;

	SignedInSessions(ObjectProvider<SessionRegistry> registry,
			ObjectProvider<FindByIndexNameSessionRepository<?>> shared) {
		this.registry = registry;
		this.shared = shared;
	}

	/**
	 * @param keepSessionId the session to leave signed in (the one that made the change),
	 * or null
	 */
	public void endAll(long accountId, String keepSessionId) {
		FindByIndexNameSessionRepository<?> sessions = shared.getIfAvailable();
		if (sessions != null) {
			for (String id : sessions.findByPrincipalName(Long.toString(accountId)).keySet()) {
				if (!id.equals(keepSessionId)) {
					sessions.deleteById(id);
				}
			}
			return;
		}
		SessionRegistry local = registry.getIfAvailable();
		if (local == null) {
			return;
		}
		for (Object principal : local.getAllPrincipals()) {
			if (principal instanceof SignedIn signedIn && signedIn.accountId() == accountId) {
				for (var session : local.getAllSessions(principal, false)) {
					if (!session.getSessionId().equals(keepSessionId)) {
						session.expireNow();
					}
				}
			}
		}
	}

}
