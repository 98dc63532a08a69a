package org.veche.identity.internal;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.veche.identity.SignedIn;

/**
 * Signs an API request in by its "Authorization: Bearer" token; a request with no token
 * goes on as a guest, one with a wrong or revoked token is refused at once rather than
 * silently treated as a guest.
 */
class BearerTokens extends OncePerRequestFilter {

	private final ApiTokens tokens;

	private final Accounts accounts;

	BearerTokens(ApiTokens tokens, Accounts accounts) {
		this.tokens = tokens;
		this.accounts = accounts;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			chain.doFilter(request, response);
			return;
		}
		var account = tokens.accountFor(header.substring(7).strip())
			.flatMap(accounts::byId)
			.filter(a -> !a.suspended());
		if (account.isEmpty()) {
			SecurityConfiguration.problem(response, HttpStatus.UNAUTHORIZED, "The bearer token is not valid.");
			return;
		}
		var principal = new SignedIn(account.get(), null);
		var authentication = UsernamePasswordAuthenticationToken.authenticated(principal, null,
				principal.getAuthorities());
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(authentication);
		SecurityContextHolder.setContext(context);
		try {
			chain.doFilter(request, response);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

}
