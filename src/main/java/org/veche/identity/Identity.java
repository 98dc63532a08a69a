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
import org.veche.identity.internal.Accounts;
import org.veche.identity.internal.ApiTokens;
import org.veche.site.RejectedInput;

/**
 * The identity module's face: who has an account and what it is, making accounts, and an
 * account's own API tokens. What administrators do to other accounts is
 * {@code internal.AccountAdministration}, and exchanging a password for a token
 * {@code internal.PasswordTokens}: only this module's pages and API call them.
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

	Identity(Accounts accounts, ApiTokens tokens, PasswordEncoder passwords, Clock clock) {
		this.accounts = accounts;
		this.tokens = tokens;
		this.passwords = passwords;
		this.clock = clock;
	}

	public boolean hasAccounts() {
		return accounts.any();
	}

	public Optional<Account> account(long id) {
		return accounts.byId(id);
	}

	/**
	 * Makes the first administrator, only while the site has no account at all, so that a
	 * second visit to the setup page or a restart with the environment variables set can
	 * never add another.
	 */
	@Transactional
	public Optional<Account> createFirstAdministrator(String email, String password, String displayName) {
		if (accounts.any()) {
			return Optional.empty();
		}
		return Optional.of(createAccount(new NewAccount(email, password, displayName, Role.ADMINISTRATOR)));
	}

	public Account createAccount(NewAccount account) {
		String email = account.email();
		String password = account.password();
		String displayName = account.displayName();
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
		long id = accounts.add(address, password == null ? null : passwords.encode(password), name, account.role(),
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

	/**
	 * Revokes one of the account's own tokens; it stops working with the next request.
	 */
	public void revokeToken(long accountId, long tokenId) {
		if (!tokens.revoke(accountId, tokenId)) {
			throw new RejectedInput(HttpStatus.NOT_FOUND, "token.notFound");
		}
		log.info("Account {} revoked API token {}.", accountId, tokenId);
	}

}
