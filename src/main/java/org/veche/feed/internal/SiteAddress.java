package org.veche.feed.internal;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The site's absolute address for links that leave the page (feeds, the sitemap, share tags): veche.base-url
 * when the owner sets it, so a forged Host header cannot put another site into what aggregators keep, else the
 * address the request came to (with the proxy's forwarded scheme and host).
 */
@Component
public class SiteAddress {

	private final String baseUrl;

	SiteAddress(@Value("${veche.base-url:}") String baseUrl) {
		this.baseUrl = baseUrl.strip().replaceAll("/+$", "");
	}

	public String absolute(HttpServletRequest request, String path) {
		String base = !baseUrl.isEmpty() ? baseUrl
				: ServletUriComponentsBuilder.fromContextPath(request).replaceQuery(null).build().toUriString();
		return base + path;
	}

}
