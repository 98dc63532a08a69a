package org.veche.identity.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.veche.identity.SignedIn;
import org.veche.identity.internal.ConnectedAccounts;
import org.veche.site.RejectedInput;

/**
 * The account page's connected accounts: link another configured provider (the session
 * proves the account, so the provider's answer is linked without a password) or unlink
 * one.
 */
@Controller
class ConnectedAccountsController {

	private final ConnectedAccounts connected;

	private final AccountController page;

	ConnectedAccountsController(ConnectedAccounts connected, AccountController page) {
		this.connected = connected;
		this.page = page;
	}

	@PostMapping("/account/identities/link")
	ModelAndView link(@AuthenticationPrincipal SignedIn me, @RequestParam(defaultValue = "") String provider,
			HttpServletRequest request) {
		try {
			return new ModelAndView("redirect:" + connected.startLinking(me.accountId(), provider, request));
		}
		catch (RejectedInput rejected) {
			return page.withIdentityError(me, rejected);
		}
	}

	@PostMapping("/account/identities/{id}/unlink")
	ModelAndView unlink(@AuthenticationPrincipal SignedIn me, @PathVariable long id) {
		try {
			connected.unlink(me.accountId(), id);
		}
		catch (RejectedInput rejected) {
			return page.withIdentityError(me, rejected);
		}
		return new ModelAndView("redirect:/account?done=unlinked");
	}

}
