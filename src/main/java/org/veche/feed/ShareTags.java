package org.veche.feed;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;
import org.veche.site.SiteAddress;
import org.veche.publishing.Article;
import org.veche.site.SiteProperties;

import tools.jackson.databind.json.JsonMapper;

/**
 * The feed module's face to the article page: the tags that make a shared link show its
 * title, lead and cover, and the schema.org NewsArticle that search engines read. None of
 * them loads anything from elsewhere.
 */
@Component
public class ShareTags {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final SiteAddress address;

	private final SiteProperties site;

	ShareTags(SiteAddress address, SiteProperties site) {
		this.address = address;
		this.site = site;
	}

	/**
	 * @param picture the cover photo, or null
	 */
	public ShareCard card(Article article, ShareCard.Picture picture, HttpServletRequest request) {
		String url = address.absolute(request, article.path());
		String image = picture == null ? null : address.absolute(request, picture.path());
		String imageAlt = picture == null ? null : picture.alt();
		Instant modified = article.updatedAt() != null && article.updatedAt().isAfter(article.publishedAt())
				? article.updatedAt() : article.publishedAt();
		String published = DateTimeFormatter.ISO_INSTANT.format(article.publishedAt());
		String changed = DateTimeFormatter.ISO_INSTANT.format(modified);
		return new ShareCard(url, article.title(), article.lead(), site.siteName(), image, imageAlt, published, changed,
				article.authorName(), article.tags(), newsArticle(article, url, image, published, changed),
				article.path() + "/feed");
	}

	private String newsArticle(Article article, String url, String image, String published, String modified) {
		Map<String, Object> ld = new LinkedHashMap<>();
		ld.put("@context", "https://schema.org");
		ld.put("@type", "NewsArticle");
		ld.put("mainEntityOfPage", Map.of("@type", "WebPage", "@id", url));
		ld.put("url", url);
		ld.put("headline", article.title());
		if (!article.lead().isBlank()) {
			ld.put("description", article.lead());
		}
		ld.put("datePublished", published);
		ld.put("dateModified", modified);
		ld.put("author", List.of(Map.of("@type", "Person", "name", article.authorName())));
		ld.put("publisher", Map.of("@type", "Organization", "name", site.siteName()));
		if (image != null) {
			ld.put("image", List.of(image));
		}
		if (!article.tags().isEmpty()) {
			ld.put("keywords", new ArrayList<>(article.tags()));
		}
		return scriptSafe(JSON.writeValueAsString(ld));
	}

	/**
	 * JSON inside a script element ends at the first "</script" whatever the JSON says,
	 * and "<!--" changes how the rest is read: escaping '<' (with '>' and '&' for good
	 * measure) as \\u escapes keeps the same JSON value and leaves no way out. Outside
	 * strings JSON has none of these characters, so replacing them everywhere is safe.
	 */
	static String scriptSafe(String json) {
		return json.replace("<", "\\u003c")
			.replace(">", "\\u003e")
			.replace("&", "\\u0026")
			.replace("\u2028", "\\u2028")
			.replace("\u2029", "\\u2029");
	}

}
