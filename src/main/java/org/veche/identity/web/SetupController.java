package org.veche.identity.web;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;
import org.veche.identity.Identity;
import org.veche.site.PageModel;
import org.veche.site.RejectedInput;

/**
 * The one-time install page, as WordPress has: it exists only while the site has no
 * account.
 */
@Controller
class SetupController {

	private final Identity identity;

	SetupController(Identity identity) {
		this.identity = identity;
	}

	@GetMapping("/setup")
	ModelAndView form() {
		requireNoAccount();
		return PageModel.of("identity/setup", new SetupPage("", "", ""));
	}

	@PostMapping("/setup")
	ModelAndView create(@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String password) {
		requireNoAccount();
		try {
			if (identity.createFirstAdministrator(email, password, name).isEmpty()) {
				throw new ResponseStatusException(HttpStatus.NOT_FOUND);
			}
		}
		catch (RejectedInput rejected) {
			return PageModel.of("identity/setup", new SetupPage(email, name, rejected.messageKey()),
					HttpStatus.UNPROCESSABLE_CONTENT);
		}
		return new ModelAndView("redirect:/login?setup");
	}

	private void requireNoAccount() {
		if (identity.hasAccounts()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
	}

}
