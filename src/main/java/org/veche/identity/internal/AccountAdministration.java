package org.veche.identity.internal;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.veche.identity.Account;
import org.veche.identity.Role;
import org.veche.identity.SignedIn;
import org.veche.site.RejectedInput;

/**
 * What an administrator does to other accounts (roles, suspension), checked here and
 * logged; the site never loses its last administrator this way.
 */
@Service
public class AccountAdministration {

	private static final Logger log = LoggerFactory.getLogger(AccountAdministration.class);

	private final Accounts accounts;

	private final AccountCache fresh;

	private final Clock clock;

	AccountAdministration(Accounts accounts, AccountCache fresh, Clock clock) {
		this.accounts = accounts;
		this.fresh = fresh;
		this.clock = clock;
	}

	/**
	 * Gives the account another role; the site never loses its last administrator this
	 * way.
	 */
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

	/**
	 * Suspends the account: it cannot sign in, its tokens stop and its sessions end on
	 * their next request.
	 */
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

}
