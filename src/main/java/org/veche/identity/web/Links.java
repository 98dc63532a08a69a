package org.veche.identity.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.veche.identity.internal.AccountFlows.MailContext;

/**
 * The site's absolute address for links in mail: veche.base-url when the owner sets it (a public site should,
 * so that a forged Host header cannot put another host into a reset link), otherwise the address this request
 * came to.
 */
@Component
class Links {

	private final String baseUrl;

	Links(@Value("${veche.base-url:}") String baseUrl) {
		this.baseUrl = baseUrl.strip().replaceAll("/+$", "");
	}

	MailContext mailContext(HttpServletRequest request) {
		String base = !baseUrl.isEmpty() ? baseUrl
				: ServletUriComponentsBuilder.fromContextPath(request).replaceQuery(null).build().toUriString();
		Locale locale = RequestContextUtils.getLocale(request);
		return new MailContext(base, locale);
	}

}
