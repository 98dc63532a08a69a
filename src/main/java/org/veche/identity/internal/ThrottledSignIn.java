package org.veche.identity.internal;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The sign-in form's side of {@link LoginThrottle}: a throttled attempt is sent back to
 * the form with the wait before its password is checked, and each wrong password is
 * counted.
 */
class ThrottledSignIn extends OncePerRequestFilter implements AuthenticationFailureHandler {

	private final LoginThrottle throttle;

	/**
	 * A suspended account is told so after the right password; every other failure reads
	 * the same.
	 */
	private final AuthenticationFailureHandler failed = suspendedOrFailed();

	private static AuthenticationFailureHandler suspendedOrFailed() {
		var failures = new ExceptionMappingAuthenticationFailureHandler();
		failures.setDefaultFailureUrl("/login?error");
		failures.setExceptionMappings(java.util.Map.of(LockedException.class.getName(), "/login?suspended"));
		return failures;
	}

	ThrottledSignIn(LoginThrottle throttle) {
		this.throttle = throttle;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"POST".equals(request.getMethod())
				|| !request.getRequestURI().substring(request.getContextPath().length()).equals("/login");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		var wait = throttle.blocked(request.getParameter("username"), request.getRemoteAddr());
		if (wait.isPresent()) {
			response.sendRedirect(request.getContextPath() + "/login?throttled=" + LoginThrottle.minutes(wait.get()));
			return;
		}
		chain.doFilter(request, response);
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException, ServletException {
		if (exception instanceof BadCredentialsException) {
			throttle.failed(request.getParameter("username"), request.getRemoteAddr());
		}
		failed.onAuthenticationFailure(request, response, exception);
	}

}
