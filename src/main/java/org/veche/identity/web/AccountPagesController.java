package org.veche.identity.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.veche.identity.internal.AccountFlows;
import org.veche.identity.internal.SignedInSessions;
import org.veche.site.PageModel;
import org.veche.site.RejectedInput;

/**
 * The pages a guest uses for a local account: sign-up, the verification link, and the
 * forgotten password. Their answers are the same whether or not an address has an
 * account.
 */
@Controller
class AccountPagesController {

	private final AccountFlows flows;

	private final SignedInSessions sessions;

	private final Links links;

	AccountPagesController(AccountFlows flows, SignedInSessions sessions, Links links) {
		this.flows = flows;
		this.sessions = sessions;
		this.links = links;
	}

	@GetMapping("/signup")
	ModelAndView signUpForm() {
		return signUp("", "", "", HttpStatus.OK);
	}

	@PostMapping("/signup")
	ModelAndView signUp(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String email,
			@RequestParam(defaultValue = "") String password, HttpServletRequest request) {
		try {
			flows.signUp(name, email, password, links.mailContext(request));
		}
		catch (RejectedInput rejected) {
			return signUp(name, email, error(rejected), HttpStatus.UNPROCESSABLE_CONTENT);
		}
		return notice("signUp.title", "signUp.sent", email.strip(), HttpStatus.OK);
	}

	@GetMapping("/verify")
	ModelAndView verify(@RequestParam(defaultValue = "") String token) {
		return flows.verify(token).isPresent() ? notice("verify.title", "verify.done", "", HttpStatus.OK)
				: notice("verify.title", "link.failed", "", HttpStatus.BAD_REQUEST);
	}

	@GetMapping("/password/forgot")
	ModelAndView forgotForm() {
		return PageModel.of("identity/forgot", new ForgotPage(""));
	}

	@PostMapping("/password/forgot")
	ModelAndView forgot(@RequestParam(defaultValue = "") String email, HttpServletRequest request) {
		flows.forgotPassword(email, links.mailContext(request));
		return notice("forgot.title", "forgot.sent", "", HttpStatus.OK);
	}

	@GetMapping("/password/reset")
	ModelAndView resetForm(@RequestParam(defaultValue = "") String token) {
		if (!flows.resetLinkIsLive(token)) {
			return notice("reset.title", "link.failed", "", HttpStatus.BAD_REQUEST);
		}
		return reset(token, "", HttpStatus.OK);
	}

	@PostMapping("/password/reset")
	ModelAndView reset(@RequestParam(defaultValue = "") String token,
			@RequestParam(defaultValue = "") String password) {
		try {
			var account = flows.resetPassword(token, password);
			if (account.isEmpty()) {
				return notice("reset.title", "link.failed", "", HttpStatus.BAD_REQUEST);
			}
			sessions.endAll(account.get(), null);
		}
		catch (RejectedInput rejected) {
			return reset(token, error(rejected), HttpStatus.UNPROCESSABLE_CONTENT);
		}
		return new ModelAndView("redirect:/login?reset");
	}

	private static ModelAndView signUp(String name, String email, String error, HttpStatus status) {
		return PageModel.of("identity/signup", new SignUpPage(name, email, error), status);
	}

	private static ModelAndView reset(String token, String error, HttpStatus status) {
		return PageModel.of("identity/reset", new ResetPage(token, error), status);
	}

	/** A page with one message, e.g. "check your e-mail". */
	static ModelAndView notice(String title, String message, String argument, HttpStatus status) {
		return PageModel.of("identity/notice", new NoticePage(title, message, argument), status);
	}

	/** The message key with its arguments already filled in, as the templates show it. */
	static String error(RejectedInput rejected) {
		return rejected.messageKey();
	}

}
