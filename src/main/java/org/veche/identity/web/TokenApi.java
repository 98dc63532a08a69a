package org.veche.identity.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.veche.identity.internal.PasswordTokens;
import org.veche.identity.internal.PasswordTokens.TokenRequest;
import org.veche.site.RejectedInput;

/**
 * Exchanges e-mail and password for a bearer token.
 */
@RestController
class TokenApi {

	private final PasswordTokens tokens;

	TokenApi(PasswordTokens tokens) {
		this.tokens = tokens;
	}

	record Credentials(String email, String password) {
	}

	@PostMapping("/api/v1/auth/token")
	Map<String, String> token(@RequestBody Credentials credentials, HttpServletRequest request) {
		return tokens
			.issue(new TokenRequest(credentials.email(), credentials.password(), "API", request.getRemoteAddr()))
			.map(token -> Map.of("token", token))
			.orElseThrow(() -> new RejectedInput(HttpStatus.UNAUTHORIZED, "identity.signIn.failed"));
	}

}
