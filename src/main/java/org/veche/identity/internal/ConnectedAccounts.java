package org.veche.identity.internal;

import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.veche.identity.ExternalSignIn;
import org.veche.identity.LinkedIdentity;
import org.veche.identity.SignInProviders;
import org.veche.site.RejectedInput;

/**
 * The identities linked to a signed-in account: listing them, linking another provider
 * from the account page (the session already proves the account, so no password is asked)
 * and unlinking one, as long as the account keeps a way to sign in.
 */
@Service
public class ConnectedAccounts {

	/** How long a link started on the account page waits for the provider's answer. */
	static final Duration LINK_WINDOW = Duration.ofMinutes(10);

	private static final String LINKING = ConnectedAccounts.class.getName() + ".linking";

	private static final Logger log = LoggerFactory.getLogger(ConnectedAccounts.class);

	private final Identities identities;

	private final Accounts accounts;

	private final SignInProviders providers;

	private final Clock clock;

	ConnectedAccounts(Identities identities, Accounts accounts, SignInProviders providers, Clock clock) {
		this.identities = identities;
		this.accounts = accounts;
		this.providers = providers;
		this.clock = clock;
	}

	/**
	 * What the account page shows: the linked identities, the providers still to link,
	 * whether a password is set.
	 */
	public record Overview(List<LinkedIdentity> linked, List<ExternalSignIn> linkable, boolean hasPassword) {
	}

	/** The result of a provider's answer to a link started on the account page. */
	public enum Linking {

		LINKED, ALREADY_YOURS, TAKEN

	}

	/**
	 * A link the signed-in account started, kept in its session during the round trip to
	 * the provider.
	 */
	record LinkRequest(long accountId, String registrationId, Instant startedAt) implements Serializable {
	}

	public Overview overview(long accountId) {
		List<LinkedIdentity> linked = identities.of(accountId)
			.stream()
			.map(row -> new LinkedIdentity(row.id(), row.provider(),
					providers.byId(row.provider()).map(ExternalSignIn::name).orElse(row.provider()), row.label(),
					row.linkedAt()))
			.toList();
		List<ExternalSignIn> linkable = providers.all()
			.stream()
			.filter(p -> linked.stream().noneMatch(l -> l.registrationId().equals(p.registrationId())))
			.toList();
		return new Overview(linked, linkable, accounts.passwordHash(accountId).isPresent());
	}

	/**
	 * Remembers that the signed-in account asked to link the provider; returns where the
	 * browser goes next.
	 */
	public String startLinking(long accountId, String registrationId, HttpServletRequest request) {
		ExternalSignIn provider = providers.byId(registrationId)
			.orElseThrow(() -> new RejectedInput("connected.provider.unknown"));
		request.getSession().setAttribute(LINKING, new LinkRequest(accountId, registrationId, clock.instant()));
		return provider.authorizationPath();
	}

	/**
	 * The account that asked to link this provider in this session, within the window;
	 * the request is forgotten as it is read, so a later sign-in in the same session is
	 * an ordinary one.
	 */
	LinkRequest takeLinkRequest(HttpServletRequest request, String registrationId) {
		HttpSession session = request.getSession(false);
		if (session == null || !(session.getAttribute(LINKING) instanceof LinkRequest link)) {
			return null;
		}
		session.removeAttribute(LINKING);
		boolean fresh = link.startedAt().plus(LINK_WINDOW).isAfter(clock.instant());
		return fresh && link.registrationId().equals(registrationId) ? link : null;
	}

	/**
	 * Links the profile to the account, unless another account already signs in with it.
	 */
	@Transactional
	public Linking link(long accountId, ExternalProfile profile) {
		var owner = identities.accountOf(profile.registrationId(), profile.subject());
		if (owner.isPresent()) {
			return owner.get() == accountId ? Linking.ALREADY_YOURS : Linking.TAKEN;
		}
		identities.link(accountId, profile, clock.instant());
		log.info("Account {} linked an identity of {}.", accountId, profile.registrationId());
		return Linking.LINKED;
	}

	/**
	 * Unlinks one identity; an account without a password keeps its last one, or it could
	 * never sign in again.
	 */
	@Transactional
	public void unlink(long accountId, long identityId) {
		boolean owned = identities.of(accountId).stream().anyMatch(row -> row.id() == identityId);
		if (!owned) {
			throw new RejectedInput(HttpStatus.NOT_FOUND, "connected.notFound");
		}
		if (accounts.passwordHash(accountId).isEmpty() && identities.countFor(accountId) <= 1) {
			throw new RejectedInput(HttpStatus.CONFLICT, "connected.lastWay");
		}
		identities.unlink(accountId, identityId);
		log.info("Account {} unlinked identity {}.", accountId, identityId);
	}

}
