package org.veche.importer.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.HttpRequestHandler;
import org.springframework.web.servlet.handler.AbstractHandlerMapping;
import org.veche.importer.internal.OldAddresses;
import org.veche.importer.internal.PermalinkLookup;

/**
 * A moved WordPress site's old addresses (/2010/07/do-you-rp/, /?p=100) answer 301 with
 * the article's new one. It comes before the controllers, because the front page would
 * otherwise answer /?p=100, and it lets every other request through untouched.
 */
@Component
class OldPermalinkRedirects extends AbstractHandlerMapping {

	private final PermalinkLookup lookup;

	OldPermalinkRedirects(PermalinkLookup lookup) {
		this.lookup = lookup;
		setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
	}

	@Override
	protected Object getHandlerInternal(HttpServletRequest request) {
		if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
			return null;
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/media/")
				|| path.startsWith("/api/") || path.startsWith("/avatars/") || path.startsWith("/actuator/")) {
			return null;
		}
		return OldAddresses.of(path, request.getQueryString())
			.flatMap(lookup::target)
			.map(target -> (HttpRequestHandler) (req, response) -> redirect(response, target))
			.orElse(null);
	}

	private static void redirect(HttpServletResponse response, String target) {
		response.setStatus(HttpStatus.MOVED_PERMANENTLY.value());
		response.setHeader("Location", target);
	}

}
