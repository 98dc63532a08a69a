package org.veche.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.veche.identity.Account;
import org.veche.identity.Role;
import org.veche.identity.SignedIn;

/**
 * Turns an external sign-in into an account: a known identity signs into its account; a
 * verified e-mail that belongs to an account waits for the reader to prove that account
 * before linking; anyone else gets a new reader account. Nothing is ever linked on the
 * provider's word alone.
 */
@Service
public class ExternalAccounts {

	/**
	 * The session attribute holding an {@link ExternalProfile} that waits for the
	 * reader's decision.
	 */
	public static final String PENDING = ExternalAccounts.class.getName() + ".pending";

	private static final SecurityContextRepository SESSIONS = new HttpSessionSecurityContextRepository();

	private final Accounts accounts;

	private final Identities identities;

	private final PasswordEncoder passwords;

	private final Clock clock;

	ExternalAccounts(Accounts accounts, Identities identities, PasswordEncoder passwords, Clock clock) {
		this.accounts = accounts;
		this.identities = identities;
		this.passwords = passwords;
		this.clock = clock;
	}

	/**
	 * What happened: an account to sign into, or an account that the reader must prove
	 * before linking.
	 */
	public record Outcome(Account signIn, Account askToLink) {
	}

	public Optional<Account> account(long id) {
		return accounts.byId(id);
	}

	@Transactional
	public Outcome resolve(ExternalProfile profile) {
		Optional<Account> known = identities.accountOf(profile.registrationId(), profile.subject())
			.flatMap(accounts::byId);
		if (known.isPresent()) {
			return new Outcome(known.get(), null);
		}
		if (profile.emailVerified() && profile.email() != null) {
			Optional<Accounts.Credentials> existing = accounts.credentials(profile.email());
			if (existing.isPresent()) {
				return new Outcome(null, existing.get().account());
			}
		}
		return new Outcome(createFor(profile), null);
	}

	/** A new reader account with no password, linked to the profile. */
	@Transactional
	public Account createFor(ExternalProfile profile) {
		String email = profile.email() != null && profile.email().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")
				&& accounts.credentials(profile.email()).isEmpty() ? profile.email() : freePlaceholderEmail(profile);
		String name = profile.displayName() != null && !profile.displayName().isBlank() ? profile.displayName().strip()
				: profile.email() != null && profile.email().contains("@")
						? profile.email().substring(0, profile.email().indexOf('@')) : profile.providerName() + " user";
		if (name.length() > 100) {
			name = name.substring(0, 100);
		}
		long id = accounts.add(email, null, name, Role.READER, clock.instant());
		identities.link(id, profile, clock.instant());
		return accounts.byId(id).orElseThrow();
	}

	/**
	 * Links the profile to the account its e-mail names, when the password proves the
	 * reader owns it.
	 */
	@Transactional
	public Optional<Account> linkWithPassword(ExternalProfile profile, String password) {
		if (profile.email() == null || password == null) {
			return Optional.empty();
		}
		Optional<Account> proven = accounts.credentials(profile.email())
			.filter(c -> c.passwordHash() != null && !c.account().suspended()
					&& passwords.matches(password, c.passwordHash()))
			.map(Accounts.Credentials::account);
		proven.ifPresent(account -> {
			if (identities.accountOf(profile.registrationId(), profile.subject()).isEmpty()) {
				identities.link(account.id(), profile, clock.instant());
			}
		});
		return proven;
	}

	/** Makes the account the session's principal, as a password sign-in would. */
	public static void signIn(Account account, String providerName, HttpServletRequest request,
			HttpServletResponse response) {
		var principal = new SignedIn(account, null, providerName);
		SecurityContext context = SecurityContextHolder.getContextHolderStrategy().createEmptyContext();
		context.setAuthentication(
				UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
		SecurityContextHolder.getContextHolderStrategy().setContext(context);
		SESSIONS.saveContext(context, request, response);
	}

	/**
	 * Leaves the session signed out, keeping the session itself (it holds the pending
	 * profile).
	 */
	public static void signOut(HttpServletRequest request, HttpServletResponse response) {
		SecurityContext empty = SecurityContextHolder.getContextHolderStrategy().createEmptyContext();
		SecurityContextHolder.getContextHolderStrategy().setContext(empty);
		SESSIONS.saveContext(empty, request, response);
	}

	/**
	 * The identity's stand-in address, or, when an account that once had this identity
	 * (unlinked since) still holds it, a fresh one.
	 */
	private String freePlaceholderEmail(ExternalProfile profile) {
		String email = placeholderEmail(profile, "");
		while (accounts.credentials(email).isPresent()) {
			email = placeholderEmail(profile, java.util.UUID.randomUUID().toString());
		}
		return email;
	}

	/**
	 * Accounts need a unique e-mail; a provider that gives none (X) or one already taken
	 * gets a stand-in.
	 */
	private static String placeholderEmail(ExternalProfile profile, String salt) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest((profile.registrationId() + "\n" + profile.subject() + salt).getBytes(StandardCharsets.UTF_8));
			return profile.registrationId().replaceAll("[^A-Za-z0-9-]", "") + "-"
					+ HexFormat.of().formatHex(digest, 0, 10) + "@external.invalid";
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
