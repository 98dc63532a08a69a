package org.veche.identity.web;

import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.ModelAndView;
import org.veche.identity.SignInProviders;

/**
 * The sign-in page: the configured external providers, and the password form that Spring Security checks.
 */
@Controller
class SignInController {

	private final SignInProviders providers;

	SignInController(SignInProviders providers) {
		this.providers = providers;
	}

	@GetMapping("/login")
	ModelAndView signIn() {
		return new ModelAndView("identity/login", Map.of("providers", providers.all()));
	}

}
