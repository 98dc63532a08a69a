package org.veche.discussion.web;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ResponseCookie;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.util.WebUtils;
import org.veche.discussion.Commenter;
import org.veche.identity.SignedIn;

/**
 * Who is acting, from the request: the signed-in account, the guest's browser cookie, the
 * network address.
 */
final class Commenters {

	static final String BROWSER_COOKIE = "veche_reader";

	private static final SecureRandom RANDOM = new SecureRandom();

	private Commenters() {
	}

	static Commenter of(HttpServletRequest request) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		Cookie cookie = WebUtils.getCookie(request, BROWSER_COOKIE);
		String browser = cookie != null && cookie.getValue().matches("[A-Za-z0-9_-]{16,64}") ? cookie.getValue() : null;
		if (authentication != null && authentication.getPrincipal() instanceof SignedIn signedIn) {
			return new Commenter(signedIn.accountId(), signedIn.displayName(), signedIn.account().email(),
					signedIn.isStaff(), browser, request.getRemoteAddr());
		}
		return new Commenter(null, null, null, false, browser, request.getRemoteAddr());
	}

	/**
	 * A guest who likes gets a first-party cookie naming their browser: set only now,
	 * when they act.
	 */
	static Commenter withBrowser(Commenter who, HttpServletRequest request, HttpServletResponse response) {
		if (who.accountId() != null || who.browser() != null) {
			return who;
		}
		byte[] bytes = new byte[18];
		RANDOM.nextBytes(bytes);
		String browser = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		ResponseCookie cookie = ResponseCookie.from(BROWSER_COOKIE, browser)
			.path("/")
			.maxAge(Duration.ofDays(365))
			.httpOnly(true)
			.sameSite("Lax")
			.secure(request.isSecure())
			.build();
		response.addHeader("Set-Cookie", cookie.toString());
		return new Commenter(null, null, null, false, browser, who.address());
	}

	static boolean wantsJson(HttpServletRequest request) {
		String accept = request.getHeader("Accept");
		return accept != null && accept.contains("application/json");
	}

}
