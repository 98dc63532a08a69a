package org.veche.feed.web;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.util.HtmlUtils;
import org.veche.publishing.ArticleCatalogue;
import org.veche.publishing.ArticleStamp;
import org.veche.site.SiteAddress;

/**
 * What crawlers read first: robots.txt keeps them out of the desk, accounts, forms and
 * the live stream, and points to the sitemap, which lists the front page and every
 * published article with its last change.
 */
@Controller
class SitemapController {

	/** The sitemap protocol's limit for one file. */
	static final int MAX_URLS = 50_000;

	private final ArticleCatalogue catalogue;

	private final SiteAddress address;

	private final Conditional conditional;

	SitemapController(ArticleCatalogue catalogue, SiteAddress address, Conditional conditional) {
		this.catalogue = catalogue;
		this.address = address;
		this.conditional = conditional;
	}

	@GetMapping("/sitemap.xml")
	ResponseEntity<byte[]> sitemap(HttpServletRequest request) {
		var xml = new StringBuilder(64 * 1024).append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
			.append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
		var articles = catalogue.stamps(0, MAX_URLS - 1);
		url(xml, address.absolute(request, "/"), articles.isEmpty() ? null : articles.get(0));
		for (ArticleStamp article : articles) {
			url(xml, address.absolute(request, article.path()), article);
		}
		xml.append("</urlset>\n");
		return conditional.respond("/sitemap.xml", xml.toString().getBytes(StandardCharsets.UTF_8), "application/xml");
	}

	private static void url(StringBuilder xml, String location, ArticleStamp changed) {
		xml.append("<url><loc>").append(HtmlUtils.htmlEscape(location, "UTF-8")).append("</loc>");
		if (changed != null) {
			var last = changed.updatedAt() != null && changed.updatedAt().isAfter(changed.publishedAt())
					? changed.updatedAt() : changed.publishedAt();
			xml.append("<lastmod>")
				.append(DateTimeFormatter.ISO_INSTANT.format(last.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)))
				.append("</lastmod>");
		}
		xml.append("</url>\n");
	}

	@GetMapping(value = "/robots.txt", produces = "text/plain;charset=UTF-8")
	ResponseEntity<String> robots(HttpServletRequest request) {
		String body = """
				User-agent: *
				Disallow: /editor
				Disallow: /admin
				Disallow: /account
				Disallow: /login
				Disallow: /logout
				Disallow: /signup
				Disallow: /setup
				Disallow: /password/
				Disallow: /api/
				Disallow: /live/
				Disallow: /*?replytocom=

				Sitemap: %s
				""".formatted(address.absolute(request, "/sitemap.xml"));
		return ResponseEntity.ok().body(body);
	}

}
