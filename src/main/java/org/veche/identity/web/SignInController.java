package org.veche.identity.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The sign-in page; Spring Security checks the password posted from it.
 */
@Controller
class SignInController {

	@GetMapping("/login")
	String signIn() {
		return "identity/login";
	}

}
