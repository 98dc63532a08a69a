package org.veche.identity.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.veche.identity.SignInProviders;
import org.veche.site.PageModel;

/**
 * The sign-in page: the configured external providers, and the password form that Spring
 * Security checks.
 */
@Controller
class SignInController {

	private final SignInProviders providers;

	SignInController(SignInProviders providers) {
		this.providers = providers;
	}

	/**
	 * @param throttled minutes to wait, when too many attempts have failed
	 */
	@GetMapping("/login")
	ModelAndView signIn(@RequestParam(defaultValue = "0") String throttled) {
		long minutes = throttled.matches("\\d{1,4}") ? Long.parseLong(throttled) : 0;
		return PageModel.of("identity/login", new SignInPage(minutes, providers.all()));
	}

}
