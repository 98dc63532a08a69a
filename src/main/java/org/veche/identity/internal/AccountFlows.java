package org.veche.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.web.util.UriComponentsBuilder;
import org.veche.identity.Account;
import org.veche.identity.Identity;
import org.veche.identity.internal.AccountMail.Kind;
import org.veche.identity.internal.AccountTokens.Purpose;
import org.veche.site.RejectedInput;

/**
 * What a reader does with a local account: sign up, verify the address, reset a forgotten
 * password, change name, password and address. Answers that a stranger sees never tell
 * whether an address has an account: the difference goes only into the mail, which only
 * the address's owner reads.
 */
@Service
public class AccountFlows {

	public static final Duration VERIFY_LIFETIME = Duration.ofHours(48);

	public static final Duration RESET_LIFETIME = Duration.ofHours(1);

	public static final int MAX_NAME_LENGTH = 80;

	/** Where the links in mail point and in which language the mail is written. */
	public record MailContext(String baseUrl, Locale locale) {

		String link(String path, String token) {
			return UriComponentsBuilder.fromUriString(baseUrl)
				.path(path)
				.queryParam("token", token)
				.build()
				.toUriString();
		}

	}

	private final Accounts accounts;

	private final AccountTokens tokens;

	private final AccountMail mail;

	private final PasswordEncoder passwords;

	private final Clock clock;

	/**
	 * Signed-in sessions read accounts through this cache: every change here must reach
	 * them at once.
	 */
	private final AccountCache fresh;

	AccountFlows(Accounts accounts, AccountTokens tokens, AccountMail mail, PasswordEncoder passwords, Clock clock,
			AccountCache fresh) {
		this.fresh = fresh;
		this.accounts = accounts;
		this.tokens = tokens;
		this.mail = mail;
		this.passwords = passwords;
		this.clock = clock;
	}

	/**
	 * Makes an unverified reader account and mails its verification link; for an address
	 * that has an account already, mails its owner instead (with a reset link). Both take
	 * the same path through the password hash, so neither the answer nor its time tells
	 * them apart.
	 */
	public void signUp(String displayName, String email, String password, MailContext context) {
		String address = checkEmail(email);
		checkPassword(password);
		String name = displayName == null || displayName.isBlank() ? address.substring(0, address.indexOf('@'))
				: checkName(displayName);
		String hash = passwords.encode(password);
		var existing = accounts.credentials(address);
		if (existing.isPresent()) {
			tellExisting(existing.get().account(), context);
			return;
		}
		long id;
		try {
			id = accounts.addUnverified(address, hash, name, clock.instant());
		}
		catch (DataIntegrityViolationException raced) {
			accounts.credentials(address).ifPresent(c -> tellExisting(c.account(), context));
			return;
		}
		sendVerification(id, address, name, context);
	}

	/**
	 * Sends a fresh verification link to a signed-in account that has not verified yet.
	 */
	public void resendVerification(long accountId, MailContext context) {
		accounts.byId(accountId)
			.filter(a -> !a.emailVerified())
			.ifPresent(a -> sendVerification(a.id(), a.email(), a.displayName(), context));
	}

	public Optional<Account> verify(String token) {
		return tokens.spend(token, Purpose.VERIFY_EMAIL).flatMap(use -> {
			accounts.markVerified(use.accountId(), clock.instant());
			fresh.forget(use.accountId());
			return accounts.byId(use.accountId());
		});
	}

	/**
	 * Mails a reset link when the address has an account; the caller answers the same
	 * either way.
	 */
	public void forgotPassword(String email, MailContext context) {
		if (email == null || email.isBlank() || email.length() > 254) {
			return;
		}
		accounts.credentials(email).map(Accounts.Credentials::account).filter(a -> !a.suspended()).ifPresent(a -> {
			String token = tokens.issue(a.id(), Purpose.RESET_PASSWORD, null, RESET_LIFETIME);
			mail.send(a.email(), Kind.RESET, context.locale(), a.displayName(), context.link("/password/reset", token));
		});
	}

	public boolean resetLinkIsLive(String token) {
		return tokens.isLive(token, Purpose.RESET_PASSWORD);
	}

	/**
	 * Sets a new password through a reset link, once. Following the link also proves the
	 * address, so an unverified account becomes verified.
	 * @return the account whose password changed, so that its other sessions can be ended
	 */
	public Optional<Long> resetPassword(String token, String newPassword) {
		checkPassword(newPassword);
		return tokens.spend(token, Purpose.RESET_PASSWORD).map(use -> {
			accounts.setPasswordHash(use.accountId(), passwords.encode(newPassword));
			accounts.markVerified(use.accountId(), clock.instant());
			fresh.forget(use.accountId());
			tokens.spendAll(use.accountId(), Purpose.RESET_PASSWORD);
			return use.accountId();
		});
	}

	public void changeDisplayName(long accountId, String displayName) {
		if (displayName == null || displayName.isBlank()) {
			throw new RejectedInput("account.name.empty");
		}
		accounts.setDisplayName(accountId, checkName(displayName));
		fresh.forget(accountId);
	}

	public void changePassword(long accountId, String currentPassword, String newPassword) {
		checkCurrentPassword(accountId, currentPassword);
		checkPassword(newPassword);
		accounts.setPasswordHash(accountId, passwords.encode(newPassword));
		fresh.forget(accountId);
	}

	/**
	 * Starts a change of address: the new address gets a confirmation link, the old one a
	 * notice, and nothing changes until the link is followed. An address taken by another
	 * account gets a notice instead of a link, so the page says the same either way.
	 */
	public void requestEmailChange(long accountId, String newEmail, String currentPassword, MailContext context) {
		String address = checkEmail(newEmail);
		checkCurrentPassword(accountId, currentPassword);
		Account account = accounts.byId(accountId).orElseThrow();
		if (Accounts.normalizeEmail(address).equals(account.email())) {
			throw new RejectedInput("account.email.same");
		}
		if (accounts.credentials(address).isPresent()) {
			mail.send(address, Kind.EMAIL_TAKEN, context.locale(), null, null);
			return;
		}
		tokens.spendAll(accountId, Purpose.CHANGE_EMAIL);
		String token = tokens.issue(accountId, Purpose.CHANGE_EMAIL, Accounts.normalizeEmail(address), VERIFY_LIFETIME);
		mail.send(address, Kind.CHANGE_EMAIL, context.locale(), address, context.link("/email/confirm", token));
		mail.send(account.email(), Kind.EMAIL_CHANGING, context.locale(), address, null);
	}

	/**
	 * Moves the account to the address the link was sent to; empty when the link is spent
	 * or the address taken.
	 */
	public Optional<Account> confirmEmailChange(String token) {
		return tokens.spend(token, Purpose.CHANGE_EMAIL)
			.filter(use -> use.newEmail() != null && accounts.setEmail(use.accountId(), use.newEmail(), clock.instant())
					&& forgotten(use.accountId()))
			.flatMap(use -> accounts.byId(use.accountId()));
	}

	private void sendVerification(long accountId, String address, String name, MailContext context) {
		tokens.spendAll(accountId, Purpose.VERIFY_EMAIL);
		String token = tokens.issue(accountId, Purpose.VERIFY_EMAIL, null, VERIFY_LIFETIME);
		mail.send(address, Kind.VERIFY, context.locale(), name, context.link("/verify", token));
	}

	private void tellExisting(Account account, MailContext context) {
		String token = tokens.issue(account.id(), Purpose.RESET_PASSWORD, null, RESET_LIFETIME);
		mail.send(account.email(), Kind.EXISTS, context.locale(), account.displayName(),
				context.link("/password/reset", token));
	}

	private void checkCurrentPassword(long accountId, String currentPassword) {
		String hash = accounts.passwordHash(accountId).orElse(null);
		// an account made by an outside sign-in has no password to ask for
		if (hash != null && (currentPassword == null || !passwords.matches(currentPassword, hash))) {
			throw new RejectedInput("account.password.wrong");
		}
	}

	private static String checkEmail(String email) {
		String address = email == null ? "" : email.strip();
		if (!address.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") || address.length() > 254) {
			throw new RejectedInput("identity.email.invalid");
		}
		return address;
	}

	private static void checkPassword(String password) {
		if (password == null || password.length() < Identity.MIN_PASSWORD_LENGTH) {
			throw new RejectedInput("identity.password.short", Identity.MIN_PASSWORD_LENGTH);
		}
		if (password.length() > 1000) {
			throw new RejectedInput("identity.password.long");
		}
	}

	private static String checkName(String displayName) {
		String name = displayName.strip();
		if (name.codePointCount(0, name.length()) > MAX_NAME_LENGTH || name.chars().anyMatch(Character::isISOControl)) {
			throw new RejectedInput("account.name.invalid");
		}
		return name;
	}

	private boolean forgotten(long accountId) {
		fresh.forget(accountId);
		return true;
	}

}
