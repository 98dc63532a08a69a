package org.veche.identity.web;

import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The sign-in page; Spring Security checks the password posted from it.
 */
@Controller
class SignInController {

	/** @param throttled minutes to wait, when too many attempts have failed */
	@GetMapping("/login")
	ModelAndView signIn(@RequestParam(defaultValue = "0") String throttled) {
		long minutes = throttled.matches("\\d{1,4}") ? Long.parseLong(throttled) : 0;
		return new ModelAndView("identity/login", Map.of("throttled", minutes));
	}

}
