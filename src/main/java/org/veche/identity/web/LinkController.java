package org.veche.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.veche.identity.Account;
import org.veche.identity.SignInReturn;
import org.veche.identity.internal.ExternalAccounts;
import org.veche.identity.internal.ExternalProfile;
import org.veche.site.PageModel;

/**
 * Asks a reader whose provider vouches for the e-mail of an existing account what to do:
 * prove that account with its password to link the two, or go on with a separate account.
 * Nothing is linked until they choose.
 */
@Controller
class LinkController {

	private final ExternalAccounts accounts;

	LinkController(ExternalAccounts accounts) {
		this.accounts = accounts;
	}

	@GetMapping("/login/link")
	ModelAndView ask(HttpServletRequest request) {
		ExternalProfile pending = pending(request);
		if (pending == null) {
			return new ModelAndView("redirect:/login");
		}
		return page(pending, null, HttpStatus.OK);
	}

	@PostMapping("/login/link")
	ModelAndView link(@RequestParam(defaultValue = "") String password, HttpServletRequest request,
			HttpServletResponse response) {
		ExternalProfile pending = pending(request);
		if (pending == null) {
			return new ModelAndView("redirect:/login");
		}
		var linked = accounts.linkWithPassword(pending, password);
		if (linked.isEmpty()) {
			return page(pending, "identity.link.failed", HttpStatus.BAD_REQUEST);
		}
		return signIn(linked.get(), pending, request, response);
	}

	@PostMapping("/login/link/separate")
	ModelAndView separate(HttpServletRequest request, HttpServletResponse response) {
		ExternalProfile pending = pending(request);
		if (pending == null) {
			return new ModelAndView("redirect:/login");
		}
		return signIn(accounts.createFor(pending), pending, request, response);
	}

	private static ModelAndView signIn(Account account, ExternalProfile pending, HttpServletRequest request,
			HttpServletResponse response) {
		request.getSession().removeAttribute(ExternalAccounts.PENDING);
		request.changeSessionId();
		ExternalAccounts.signIn(account, pending.providerName(), request, response);
		String back = SignInReturn.take(request);
		return new ModelAndView("redirect:" + (back != null ? back : "/"));
	}

	private static ModelAndView page(ExternalProfile pending, String error, HttpStatus status) {
		return PageModel.of("identity/link",
				new LinkPage(pending.providerName(), pending.email(), error == null ? "" : error), status);
	}

	private static ExternalProfile pending(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		return session != null && session.getAttribute(ExternalAccounts.PENDING) instanceof ExternalProfile p ? p
				: null;
	}

}
