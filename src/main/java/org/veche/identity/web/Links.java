package org.veche.identity.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.veche.identity.internal.AccountFlows.MailContext;
import org.veche.site.SiteAddress;

/**
 * The site's absolute address for links in mail: veche.base-url when the owner sets it (a
 * public site should, so that a forged Host header cannot put another host into a reset
 * link), otherwise the address this request came to.
 */
@Component
class Links {

	private final SiteAddress address;

	Links(SiteAddress address) {
		this.address = address;
	}

	MailContext mailContext(HttpServletRequest request) {
		Locale locale = RequestContextUtils.getLocale(request);
		return new MailContext(address.base(request), locale);
	}

}
