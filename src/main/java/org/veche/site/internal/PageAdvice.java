package org.veche.site.internal;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.veche.site.Page;
import org.veche.site.Reader;
import org.veche.site.SiteProperties;

/**
 * Gives every HTML page its {@link Page}.
 */
@ControllerAdvice
class PageAdvice {

	/** Pages whose forms guests post (sign-in, setup, sign-up, password reset). */
	private static final java.util.Set<String> FORMS_WITHOUT_SESSION = java.util.Set.of("/login", "/setup", "/signup",
			"/password/forgot", "/password/reset");

	private final MessageSource messages;

	private final SiteProperties site;

	PageAdvice(MessageSource messages, SiteProperties site) {
		this.messages = messages;
		this.site = site;
	}

	@ModelAttribute("page")
	Page page(HttpServletRequest request) {
		return pageFor(request, messages, site);
	}

	static Page pageFor(HttpServletRequest request, MessageSource messages, SiteProperties site) {
		Reader reader = null;
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof Reader signedIn) {
			reader = signedIn;
		}
		// Asking for the token of a reader with no session would create one: guests get
		// no cookie until they act. Sign-in and setup ask for the token even without a
		// session, so their forms must carry one: opening them is acting, and starts the
		// session that holds it.
		String within = request.getRequestURI().substring(request.getContextPath().length());
		boolean formNeedsToken = FORMS_WITHOUT_SESSION.contains(within);
		CsrfToken csrf = request.getSession(false) != null || formNeedsToken
				? (CsrfToken) request.getAttribute(CsrfToken.class.getName()) : null;
		String path = request.getRequestURI()
				+ (request.getQueryString() != null ? "?" + request.getQueryString() : "");
		return new Page(RequestContextUtils.getLocale(request), messages, site.siteName(), site.timeZone(), reader,
				csrf, path);
	}

}
