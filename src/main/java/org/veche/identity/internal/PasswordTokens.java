package org.veche.identity.internal;

import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.util.function.SingletonSupplier;
import org.veche.site.RejectedInput;

/**
 * Exchanges an e-mail and password for an API token, counted against the same sign-in
 * limits as the sign-in form, with the same answer for an unknown e-mail and a bad
 * password.
 */
@Service
public class PasswordTokens {

	private final Accounts accounts;

	private final ApiTokens tokens;

	private final PasswordEncoder passwords;

	private final LoginThrottle throttle;

	/**
	 * Checked against when the e-mail is unknown, so that a miss costs the same time as a
	 * wrong password. Made on the first such miss, not at start: an Argon2 hash takes 16
	 * MB of heap for a moment, which a start that serves readers has no need of.
	 */
	private final SingletonSupplier<String> decoyHash;

	PasswordTokens(Accounts accounts, ApiTokens tokens, PasswordEncoder passwords, LoginThrottle throttle) {
		this.accounts = accounts;
		this.tokens = tokens;
		this.passwords = passwords;
		this.throttle = throttle;
		this.decoyHash = SingletonSupplier.of(() -> passwords.encode("decoy password " + System.nanoTime()));
	}

	/**
	 * What a client sends to be given a token.
	 *
	 * @param tokenName the name the new token gets in the account's list
	 * @param address the caller's network address, for the sign-in limits
	 */
	public record TokenRequest(String email, String password, String tokenName, String address) {
	}

	/**
	 * Checks e-mail and password and issues an API token.
	 * @throws RejectedInput 429 while the e-mail or address has failed too often
	 */
	public Optional<String> issue(TokenRequest request) {
		String email = request.email();
		String password = request.password();
		if (email == null || password == null) {
			return Optional.empty();
		}
		throttle.blocked(email, request.address()).ifPresent(wait -> {
			throw new RejectedInput(HttpStatus.TOO_MANY_REQUESTS, "identity.signIn.throttled",
					LoginThrottle.minutes(wait));
		});
		var credentials = accounts.credentials(email);
		boolean matches = passwords.matches(password,
				credentials.map(Accounts.Credentials::passwordHash).filter(h -> h != null).orElseGet(decoyHash));
		var issued = credentials.filter(c -> matches && c.passwordHash() != null && !c.account().suspended())
			.map(c -> tokens.issue(c.account().id(), request.tokenName()));
		if (issued.isPresent()) {
			throttle.succeeded(email);
		}
		else {
			throttle.failed(email, request.address());
		}
		return issued;
	}

}
