package org.veche.site.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.SmartView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.veche.site.Page;
import org.veche.site.Reader;
import org.veche.site.SiteProperties;

/**
 * Gives every HTML page its {@link Page}, once its handler has chosen to render a view.
 * (A {@code @ModelAttribute} of a controller advice did this before every handler, the
 * JSON API's too: a profile of a spike of comment posts found 8 % of each post's CPU in
 * Spring finding and calling it.) A redirect gets none, as its model becomes the query of
 * the address it sends the reader to.
 */
@Component
class PageAttribute implements HandlerInterceptor, WebMvcConfigurer {

	/** Pages whose forms guests post (sign-in, setup, sign-up, password reset). */
	private static final java.util.Set<String> FORMS_WITHOUT_SESSION = java.util.Set.of("/login", "/setup", "/signup",
			"/password/forgot", "/password/reset");

	private final MessageSource messages;

	private final SiteProperties site;

	PageAttribute(MessageSource messages, SiteProperties site) {
		this.messages = messages;
		this.site = site;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this);
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			ModelAndView view) {
		if (view == null || !view.hasView() || view.getModel().containsKey("page") || redirects(view)) {
			return;
		}
		view.addObject("page", pageFor(request, messages, site));
	}

	private static boolean redirects(ModelAndView view) {
		return view.isReference() ? view.getViewName().startsWith("redirect:")
				: view.getView() instanceof SmartView smart && smart.isRedirectView();
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
