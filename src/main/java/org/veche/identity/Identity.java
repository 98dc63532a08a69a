package org.veche.identity;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.function.SingletonSupplier;
import org.veche.identity.internal.AccountCache;
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

	static final int MAX_TOKEN_NAME = 100;

	private static final Logger log = LoggerFactory.getLogger(Identity.class);

	private final Accounts accounts;

	private final ApiTokens tokens;

	private final PasswordEncoder passwords;

	private final Clock clock;

	private final AccountCache fresh;

	private final LoginThrottle throttle;

	/**
	 * Checked against when the e-mail is unknown, so that a miss costs the same time as a wrong password. Made on
	 * the first such miss, not at start: an Argon2 hash takes 16 MB of heap for a moment, which a start that
	 * serves readers has no need of.
	 */
	private final SingletonSupplier<String> decoyHash;

	Identity(Accounts accounts, ApiTokens tokens, PasswordEncoder passwords, Clock clock, AccountCache fresh,
			LoginThrottle throttle) {
		this.accounts = accounts;
		this.tokens = tokens;
		this.passwords = passwords;
		this.clock = clock;
		this.fresh = fresh;
		this.throttle = throttle;
		this.decoyHash = SingletonSupplier.of(() -> passwords.encode("decoy password " + System.nanoTime()));
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

	/** Accounts whose e-mail or name contains the query, for the administrator's list. */
	public AccountList accounts(String query, int page, int size) {
		int safePage = Math.max(1, page);
		int safeSize = Math.clamp(size, 1, 200);
		return new AccountList(accounts.search(query, (safePage - 1) * safeSize, safeSize),
				accounts.countMatching(query), safePage, safeSize);
	}

	/** Gives the account another role; the site never loses its last administrator this way. */
	@Transactional
	public Account changeRole(SignedIn by, long id, Role role) {
		Account before = administered(by, id);
		if (role == null) {
			throw new RejectedInput("admin.role.invalid");
		}
		if (before.role() == Role.ADMINISTRATOR && role != Role.ADMINISTRATOR) {
			requireAnotherAdministrator(before);
		}
		accounts.setRole(id, role);
		fresh.forget(id);
		log.info("Administrator {} changed the role of account {} from {} to {}.", by.accountId(), id, before.role(),
				role);
		return accounts.byId(id).orElseThrow();
	}

	/** Suspends the account: it cannot sign in, its tokens stop and its sessions end on their next request. */
	@Transactional
	public Account suspend(SignedIn by, long id) {
		Account before = administered(by, id);
		if (!before.suspended()) {
			if (before.role() == Role.ADMINISTRATOR) {
				requireAnotherAdministrator(before);
			}
			accounts.setSuspended(id, clock.instant());
			fresh.forget(id);
			log.info("Administrator {} suspended account {}.", by.accountId(), id);
		}
		return accounts.byId(id).orElseThrow();
	}

	@Transactional
	public Account unsuspend(SignedIn by, long id) {
		Account before = administered(by, id);
		if (before.suspended()) {
			accounts.setSuspended(id, null);
			fresh.forget(id);
			log.info("Administrator {} lifted the suspension of account {}.", by.accountId(), id);
		}
		return accounts.byId(id).orElseThrow();
	}

	private Account administered(SignedIn by, long id) {
		if (by == null || by.role() != Role.ADMINISTRATOR) {
			throw new RejectedInput(HttpStatus.FORBIDDEN, "admin.forbidden");
		}
		return accounts.byId(id).orElseThrow(() -> new RejectedInput(HttpStatus.NOT_FOUND, "admin.user.notFound"));
	}

	private void requireAnotherAdministrator(Account leaving) {
		if (!leaving.suspended() && accounts.countActiveAdministrators() <= 1) {
			throw new RejectedInput(HttpStatus.CONFLICT, "admin.lastAdministrator");
		}
	}

	/** The account's live personal API tokens. */
	public List<ApiToken> tokens(long accountId) {
		return tokens.list(accountId);
	}

	/** Makes a named personal token and returns it in the clear, the only time it is. */
	public String createToken(long accountId, String name) {
		String clean = name == null ? "" : name.strip();
		if (clean.isEmpty()) {
			throw new RejectedInput("token.name.required");
		}
		if (clean.length() > MAX_TOKEN_NAME) {
			throw new RejectedInput("token.name.tooLong", MAX_TOKEN_NAME);
		}
		if (clean.chars().anyMatch(Character::isISOControl)) {
			throw new RejectedInput("input.controlCharacters");
		}
		String token = tokens.issue(accountId, clean);
		log.info("Account {} made an API token.", accountId);
		return token;
	}

	/** Revokes one of the account's own tokens; it stops working with the next request. */
	public void revokeToken(long accountId, long tokenId) {
		if (!tokens.revoke(accountId, tokenId)) {
			throw new RejectedInput(HttpStatus.NOT_FOUND, "token.notFound");
		}
		log.info("Account {} revoked API token {}.", accountId, tokenId);
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
				credentials.map(Accounts.Credentials::passwordHash).filter(h -> h != null).orElseGet(decoyHash));
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
