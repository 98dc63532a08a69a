package org.veche.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.veche.support.Http;

/**
 * A shared link shows the article's title, lead and link; search engines read a
 * NewsArticle; and no title, lead or tag, however hostile, can leave the JSON-LD's script
 * element.
 */
class ShareTagsIT extends FeedSupport {

	@Test
	void anArticlePageCarriesOpenGraphTwitterAndNewsArticleTags() {
		Author editor = newEditor();
		String title = "Protest in the square " + unique();
		String slug = publish(editor.token(), title, List.of("protest"), "published");
		var page = http.get("/articles/" + slug).html();
		String url = http.url("/articles/" + slug);
		assertThat(page.selectFirst("link[rel=canonical]").attr("href")).isEqualTo(url);
		assertThat(page.selectFirst("meta[property=og:type]").attr("content")).isEqualTo("article");
		assertThat(page.selectFirst("meta[property=og:title]").attr("content")).isEqualTo(title);
		assertThat(page.selectFirst("meta[property=og:url]").attr("content")).isEqualTo(url);
		assertThat(page.selectFirst("meta[property=og:description]").attr("content")).isEqualTo("Lead of " + title);
		assertThat(page.selectFirst("meta[property=article:tag]").attr("content")).isEqualTo("protest");
		assertThat(page.selectFirst("meta[name=twitter:card]").attr("content")).isEqualTo("summary");
		assertThat(page.selectFirst("meta[name=twitter:title]").attr("content")).isEqualTo(title);

		var ld = Http.JSON.readTree(page.selectFirst("script[type=application/ld+json]").data());
		assertThat(ld.get("@context").asString()).isEqualTo("https://schema.org");
		assertThat(ld.get("@type").asString()).isEqualTo("NewsArticle");
		assertThat(ld.get("headline").asString()).isEqualTo(title);
		assertThat(ld.get("url").asString()).isEqualTo(url);
		assertThat(ld.get("author").get(0).get("name").asString()).isEqualTo(editor.account().displayName());
		assertThat(java.time.Instant.parse(ld.get("datePublished").asString())).isNotNull();
		// the page's CSP allows no inline script: the data block is not one (browsers do
		// not run it)
		assertThat(http.get("/articles/" + slug).header("Content-Security-Policy")).contains("script-src 'self'");
	}

	@Test
	void hostileTextStaysInsideTheJsonLdBlock() {
		Author editor = newEditor();
		String title = "</script><script src=/x.js></script><!-- \u2028 & > \"quoted\" " + unique();
		String lead = "</SCRIPT ><img src=x onerror=alert(1)>";
		var response = http.bearer(editor.token())
			.postJson("/api/v1/articles", Map.of("title", title, "lead", lead, "body", "Body", "tags",
					List.of("</script>"), "status", "published"));
		assertThat(response.status()).isEqualTo(201);
		String slug = response.json().get("slug").asString();
		Http.Response page = http.get("/articles/" + slug);
		var html = page.html();
		// the only scripts are the site's own file and the one data block
		assertThat(html.select("script").eachAttr("src")).containsExactlyInAnyOrder("/js/site.js", "/js/live.js");
		assertThat(html.select("script:not([src])")).hasSize(1);
		assertThat(html.select("img[onerror]")).isEmpty();
		String data = html.selectFirst("script[type=application/ld+json]").data();
		assertThat(data).doesNotContain("<").doesNotContain(">");
		var ld = Http.JSON.readTree(data);
		assertThat(ld.get("headline").asString()).isEqualTo(title);
		assertThat(ld.get("description").asString()).isEqualTo(lead);
		assertThat(html.selectFirst("meta[property=og:title]").attr("content")).isEqualTo(title);
	}

}
