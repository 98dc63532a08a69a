package org.veche.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.veche.support.Http;

/**
 * Crawlers find every published article in the sitemap and are kept out of the desk and
 * the forms.
 */
class SitemapIT extends FeedSupport {

	@Test
	void theSitemapListsPublishedArticlesWithTheirDatesAndNoDrafts() {
		Author editor = newEditor();
		String published = publish(editor.token(), "Mapped " + unique(), List.of(), "published");
		String draft = publish(editor.token(), "Unmapped " + unique(), List.of(), "draft");
		Http.Response response = http.get("/sitemap.xml");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("Content-Type")).startsWith("application/xml");
		var xml = Jsoup.parse(response.body(), "", Parser.xmlParser());
		assertThat(xml.selectFirst("urlset").attr("xmlns")).isEqualTo("http://www.sitemaps.org/schemas/sitemap/0.9");
		var locations = xml.select("url > loc").eachText();
		assertThat(locations).contains(http.url("/"), http.url("/articles/" + published))
			.doesNotContain(http.url("/articles/" + draft));
		var entry = xml.select("url")
			.stream()
			.filter(url -> url.selectFirst("loc").text().equals(http.url("/articles/" + published)))
			.findFirst()
			.orElseThrow();
		assertThat(java.time.Instant.parse(entry.selectFirst("lastmod").text())).isNotNull();
	}

	@Test
	void robotsPointsToTheSitemapAndKeepsCrawlersOutOfPrivatePages() {
		Http.Response robots = http.get("/robots.txt");
		assertThat(robots.status()).isEqualTo(200);
		assertThat(robots.header("Content-Type")).startsWith("text/plain");
		List<String> lines = robots.body().lines().toList();
		assertThat(lines).contains("User-agent: *", "Disallow: /editor", "Disallow: /admin", "Disallow: /account",
				"Disallow: /api/", "Disallow: /live/", "Sitemap: " + http.url("/sitemap.xml"));
		assertThat(lines).doesNotContain("Disallow: /", "Disallow: /articles/");
	}

}
