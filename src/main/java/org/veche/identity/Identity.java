package org.veche.identity;

import java.time.Clock;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.veche.identity.internal.Accounts;
import org.veche.identity.internal.ApiTokens;
import org.veche.identity.internal.LoginThrottle;
import org.veche.site.RejectedInput;

/**
 * The identity module's face: accounts, passwords and tokens.
 */
@Service
public class Identity {

	public static final int MIN_PASSWORD_LENGTH = 10;

	private final Accounts accounts;

	private final ApiTokens tokens;

	private final PasswordEncoder passwords;

	private final Clock clock;

	private final LoginThrottle throttle;

	/** Checked against when the e-mail is unknown, so that a miss costs the same time as a wrong password. */
	private final String decoyHash;

	Identity(Accounts accounts, ApiTokens tokens, PasswordEncoder passwords, Clock clock, LoginThrottle throttle) {
		this.accounts = accounts;
		this.tokens = tokens;
		this.passwords = passwords;
		this.clock = clock;
		this.throttle = throttle;
		this.decoyHash = passwords.encode("decoy password " + System.nanoTime());
	}

	public boolean hasAccounts() {
		return accounts.any();
	}

	public Optional<Account> account(long id) {
		return accounts.byId(id);
	}

	/**
	 * Makes the first administrator, only while the site has no account at all, so that a second visit to the
	 * setup page or a restart with the environment variables set can never add another.
	 */
	@Transactional
	public Optional<Account> createFirstAdministrator(String email, String password, String displayName) {
		if (accounts.any()) {
			return Optional.empty();
		}
		return Optional.of(createAccount(email, password, displayName, Role.ADMINISTRATOR));
	}

	public Account createAccount(String email, String password, String displayName, Role role) {
		String address = email == null ? "" : email.strip();
		if (!address.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") || address.length() > 254) {
			throw new RejectedInput("identity.email.invalid");
		}
		if (password != null && password.length() < MIN_PASSWORD_LENGTH) {
			throw new RejectedInput("identity.password.short", MIN_PASSWORD_LENGTH);
		}
		String name = displayName == null || displayName.isBlank() ? address.substring(0, address.indexOf('@'))
				: displayName.strip();
		if (accounts.credentials(address).isPresent()) {
			throw new RejectedInput(HttpStatus.CONFLICT, "identity.email.taken");
		}
		long id = accounts.add(address, password == null ? null : passwords.encode(password), name, role,
				clock.instant());
		return accounts.byId(id).orElseThrow();
	}

	/** Checks e-mail and password and issues an API token; the same answer for an unknown e-mail and a bad password. */
	public Optional<String> issueToken(String email, String password, String tokenName) {
		return issueToken(email, password, tokenName, null);
	}

	/**
	 * As {@link #issueToken(String, String, String)}, counted against the sign-in limits of the e-mail and the
	 * caller's address.
	 * @throws RejectedInput 429 while the e-mail or address has failed too often
	 */
	public Optional<String> issueToken(String email, String password, String tokenName, String address) {
		if (email == null || password == null) {
			return Optional.empty();
		}
		throttle.blocked(email, address).ifPresent(wait -> {
			throw new RejectedInput(HttpStatus.TOO_MANY_REQUESTS, "identity.signIn.throttled",
					LoginThrottle.minutes(wait));
		});
		var credentials = accounts.credentials(email);
		boolean matches = passwords.matches(password,
				credentials.map(Accounts.Credentials::passwordHash).filter(h -> h != null).orElse(decoyHash));
		var issued = credentials.filter(c -> matches && c.passwordHash() != null && !c.account().suspended())
			.map(c -> tokens.issue(c.account().id(), tokenName));
		if (issued.isPresent()) {
			throttle.succeeded(email);
		}
		else {
			throttle.failed(email, address);
		}
		return issued;
	}

}
