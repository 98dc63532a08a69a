package org.veche.identity.internal;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;
import org.veche.identity.SignedIn;

/**
 * A session keeps the account as it was at sign-in; this checks it against the stored one
 * on each request, so that a suspended (or removed) account is signed out on its next
 * request and a changed role or name applies at once, without Spring Session or a session
 * registry.
 */
class FreshAccounts extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(FreshAccounts.class);

	private final AccountCache accounts;

	private final HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

	FreshAccounts(AccountCache accounts) {
		this.accounts = accounts;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof SignedIn signedIn) {
			var stored = accounts.account(signedIn.accountId());
			if (stored.isEmpty() || stored.get().suspended()) {
				SecurityContextHolder.clearContext();
				var session = request.getSession(false);
				if (session != null) {
					session.invalidate();
				}
				log.info("Signed out a session of account {}: it is suspended or gone.", signedIn.accountId());
			}
			else if (!stored.get().equals(signedIn.account())) {
				// keep the provider the reader signed in with: the comment form names it
				var principal = new SignedIn(stored.get(), null, signedIn.provider());
				var fresh = UsernamePasswordAuthenticationToken.authenticated(principal, null,
						principal.getAuthorities());
				var context = SecurityContextHolder.createEmptyContext();
				context.setAuthentication(fresh);
				SecurityContextHolder.setContext(context);
				sessions.saveContext(context, request, response);
			}
		}
		chain.doFilter(request, response);
	}

}
