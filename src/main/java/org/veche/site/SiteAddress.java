package org.veche.site;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The site's absolute address for links that leave the page (mail, feeds, the sitemap,
 * share tags): veche.base-url when the owner sets it, so a forged Host header cannot put
 * another host into a reset link or what aggregators keep, else the address the request
 * came to (with the proxy's forwarded scheme and host).
 */
@Component
public class SiteAddress {

	private final String baseUrl;

	SiteAddress(@Value("${veche.base-url:}") String baseUrl) {
		this.baseUrl = baseUrl.strip().replaceAll("/+$", "");
	}

	public String absolute(HttpServletRequest request, String path) {
		return base(request) + path;
	}

	/** The address without a trailing slash. */
	public String base(HttpServletRequest request) {
		return !baseUrl.isEmpty() ? baseUrl
				: ServletUriComponentsBuilder.fromContextPath(request).replaceQuery(null).build().toUriString();
	}

}
