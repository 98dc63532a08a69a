package org.veche.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.veche.identity.Account;
import org.veche.identity.Identity;
import org.veche.identity.SignedIn;
import org.veche.identity.internal.AccountFlows;
import org.veche.identity.internal.ConnectedAccounts;
import org.veche.identity.internal.SignedInSessions;
import org.veche.site.PageModel;
import org.veche.site.RejectedInput;

/**
 * The signed-in reader's own page: name, address, password. Each form answers on the same
 * page, with its message next to it.
 */
@Controller
class AccountController {

	private final Identity identity;

	private final AccountFlows flows;

	private final SignedInSessions sessions;

	private final Links links;

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	private final ConnectedAccounts connected;

	AccountController(Identity identity, AccountFlows flows, SignedInSessions sessions, Links links,
			ConnectedAccounts connected) {
		this.identity = identity;
		this.flows = flows;
		this.sessions = sessions;
		this.links = links;
		this.connected = connected;
	}

	@GetMapping("/account")
	ModelAndView account(@AuthenticationPrincipal SignedIn me, @RequestParam(defaultValue = "") String done,
			@RequestParam(defaultValue = "") String error) {
		String notice = switch (done) {
			case "name" -> "account.name.saved";
			case "password" -> "account.password.changed";
			case "verify" -> "account.verify.sent";
			case "linked" -> "connected.linked";
			case "unlinked" -> "connected.unlinked";
			default -> "";
		};
		if ("taken".equals(error)) {
			return page(me, "", "", "", "", "connected.taken", HttpStatus.CONFLICT);
		}
		return page(me, notice, "", "", "", HttpStatus.OK);
	}

	/** The page again with a refusal next to the connected accounts. */
	ModelAndView withIdentityError(SignedIn me, RejectedInput rejected) {
		return page(me, "", "", "", "", rejected.messageKey(), rejected.status());
	}

	@PostMapping("/account/name")
	ModelAndView name(@AuthenticationPrincipal SignedIn me, @RequestParam(defaultValue = "") String name,
			HttpServletRequest request, HttpServletResponse response) {
		try {
			flows.changeDisplayName(me.accountId(), name);
		}
		catch (RejectedInput rejected) {
			return page(me, "", rejected.messageKey(), "", "", HttpStatus.UNPROCESSABLE_CONTENT);
		}
		refresh(request, response);
		return new ModelAndView("redirect:/account?done=name");
	}

	@PostMapping("/account/password")
	ModelAndView password(@AuthenticationPrincipal SignedIn me, @RequestParam(defaultValue = "") String current,
			@RequestParam(defaultValue = "") String password, HttpServletRequest request) {
		try {
			flows.changePassword(me.accountId(), current, password);
		}
		catch (RejectedInput rejected) {
			return page(me, "", "", "", rejected.messageKey(), HttpStatus.UNPROCESSABLE_CONTENT);
		}
		sessions.endAll(me.accountId(), request.getSession().getId());
		return new ModelAndView("redirect:/account?done=password");
	}

	@PostMapping("/account/email")
	ModelAndView email(@AuthenticationPrincipal SignedIn me, @RequestParam(defaultValue = "") String email,
			@RequestParam(defaultValue = "") String current, HttpServletRequest request) {
		try {
			flows.requestEmailChange(me.accountId(), email, current, links.mailContext(request));
		}
		catch (RejectedInput rejected) {
			return page(me, "", "", rejected.messageKey(), "", HttpStatus.UNPROCESSABLE_CONTENT);
		}
		return AccountPagesController.notice("account.title", "account.email.sent", email.strip(), HttpStatus.OK);
	}

	@PostMapping("/account/verify")
	ModelAndView resend(@AuthenticationPrincipal SignedIn me, HttpServletRequest request) {
		flows.resendVerification(me.accountId(), links.mailContext(request));
		return new ModelAndView("redirect:/account?done=verify");
	}

	/**
	 * The link mailed to a new address; it works without signing in, as the mail may be
	 * read elsewhere.
	 */
	@GetMapping("/email/confirm")
	ModelAndView confirm(@RequestParam(defaultValue = "") String token, HttpServletRequest request,
			HttpServletResponse response) {
		var moved = flows.confirmEmailChange(token);
		if (moved.isEmpty()) {
			return AccountPagesController.notice("account.title", "link.failed", "", HttpStatus.BAD_REQUEST);
		}
		var session = request.getSession(false);
		sessions.endAll(moved.get().id(), session == null ? null : session.getId());
		if (SecurityContextHolder.getContext().getAuthentication() != null
				&& SecurityContextHolder.getContext().getAuthentication().getPrincipal() instanceof SignedIn me
				&& me.accountId() == moved.get().id()) {
			refresh(request, response);
		}
		return AccountPagesController.notice("account.title", "account.email.changed", moved.get().email(),
				HttpStatus.OK);
	}

	private ModelAndView page(SignedIn me, String notice, String nameError, String emailError, String passwordError,
			HttpStatus status) {
		return page(me, notice, nameError, emailError, passwordError, "", status);
	}

	private ModelAndView page(SignedIn me, String notice, String nameError, String emailError, String passwordError,
			String identityError, HttpStatus status) {
		Account account = identity.account(me.accountId()).orElseThrow();
		return PageModel.of("identity/account", new AccountPage(account, connected.overview(me.accountId()), notice,
				nameError, emailError, passwordError, identityError), status);
	}

	/**
	 * Puts the account as it now is into the session, so the masthead shows the new name
	 * at once.
	 */
	private void refresh(HttpServletRequest request, HttpServletResponse response) {
		var current = SecurityContextHolder.getContext().getAuthentication();
		if (current == null || !(current.getPrincipal() instanceof SignedIn me)) {
			return;
		}
		identity.account(me.accountId()).ifPresent(account -> {
			var principal = new SignedIn(account, null);
			var context = SecurityContextHolder.createEmptyContext();
			context.setAuthentication(
					UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
			SecurityContextHolder.setContext(context);
			contexts.saveContext(context, request, response);
		});
	}

}
