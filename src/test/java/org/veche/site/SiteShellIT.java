package org.veche.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.veche.identity.Role;
import org.veche.support.Http;
import org.veche.support.IntegrationTest;

/**
 * What every page shares: the layout, error pages and problems, the security headers, the
 * reader's language, and the health endpoint.
 */
class SiteShellIT extends IntegrationTest {

	private static final String ACCEPT_HTML = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8";

	private Http browser() {
		return http.with("Accept", ACCEPT_HTML);
	}

	private static void assertInSiteLayout(Document page) {
		assertThat(page.selectFirst("header.masthead a.brand[href=/]").text()).isEqualTo("Veche");
		assertThat(page.selectFirst("footer nav.languages")).isNotNull();
		assertThat(page.select("link[rel=stylesheet]").eachAttr("href")).contains("/css/site.css");
	}

	@Test
	void healthAnswersExactlyStatusUp() {
		var response = http.get("/actuator/health");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("{\"status\":\"UP\"}");
	}

	@Test
	void anUnknownArticleIsA404PageInTheSiteStyle() {
		var response = browser().get("/articles/there-is-no-such-article-" + unique());

		assertThat(response.status()).isEqualTo(404);
		assertThat(response.header("Content-Type")).startsWith("text/html");
		var page = response.html();
		assertInSiteLayout(page);
		assertThat(page.selectFirst("h1").text()).isEqualTo("Page not found");
		assertThat(page.selectFirst(".error-page").text())
			.contains("There is nothing at this address. It may have moved, or it never existed.");
		assertThat(page.selectFirst(".error-page a[href=/]")).isNotNull();
		assertThat(page.html()).doesNotContain("Exception").doesNotContain("Whitelabel");
	}

	@Test
	void anUnknownPathIsA404PageInTheReadersLanguage() {
		var response = browser().with("Accept-Language", "uk").get("/no/such/page/" + unique());

		assertThat(response.status()).isEqualTo(404);
		var page = response.html();
		assertInSiteLayout(page);
		assertThat(page.selectFirst("html").attr("lang")).isEqualTo("uk");
		assertThat(page.selectFirst("h1").text()).isEqualTo("Сторінку не знайдено");
	}

	@Test
	void anUnknownApiPathIsA404Problem() {
		for (Http client : List.of(http, http.with("Accept", "application/json"), http.with("Accept", "*/*"))) {
			var response = client.get("/api/v1/no-such-endpoint-" + unique());

			assertThat(response.status()).isEqualTo(404);
			assertThat(response.header("Content-Type")).startsWith("application/problem+json");
			var problem = response.json();
			assertThat(problem.get("status").asInt()).isEqualTo(404);
			assertThat(problem.get("title").asString()).isEqualTo("Not Found");
		}
	}

	@Test
	void everyPageCarriesAContentSecurityPolicyAndNoInlineScript() {
		String slug = publishArticle(tokenFor(Role.EDITOR), "Policy check " + unique());
		postComment(slug, null, "Halyna", "So the thread renders too");

		for (String path : List.of("/", "/articles/" + slug, "/tags/test", "/login", "/articles/missing-" + unique())) {
			var response = browser().get(path);

			String policy = response.header("Content-Security-Policy");
			assertThat(policy).as(path).isNotNull().contains("script-src 'self'").contains("object-src 'none'");
			assertThat(policy).as(path).doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
			var page = response.html();
			// a JSON-LD data block is never run (the CSP does not apply to it); every
			// script that runs is a file
			var scripts = page.select("script:not([type=application/ld+json])");
			assertThat(scripts).as(path).isNotEmpty();
			assertThat(scripts.eachAttr("src")).as(path).hasSize(scripts.size()).allMatch(src -> src.startsWith("/"));
			assertThat(scripts.eachText()).as(path).allMatch(String::isEmpty);
			assertThat(page.getAllElements()
				.stream()
				.flatMap(e -> e.attributes().asList().stream())
				.filter(a -> a.getKey().toLowerCase().startsWith("on"))
				.toList()).as(path + ": inline event handlers").isEmpty();
		}
		assertThat(http.get("/api/v1/articles").header("Content-Security-Policy")).contains("script-src 'self'");
	}

	@Test
	void russianAcceptLanguageGivesRussianText() {
		var page = browser().with("Accept-Language", "ru-RU,ru;q=0.9,en;q=0.5").get("/").html();

		assertThat(page.selectFirst("html").attr("lang")).isEqualTo("ru");
		assertThat(page.selectFirst("nav.account-nav a[href=/login]").text()).isEqualTo("Войти");
		assertThat(page.selectFirst("a.skip-link").text()).isEqualTo("Перейти к содержанию");
	}

	@Test
	void ukrainianAcceptLanguageGivesUkrainianText() {
		var page = browser().with("Accept-Language", "uk").get("/").html();

		assertThat(page.selectFirst("html").attr("lang")).isEqualTo("uk");
		assertThat(page.selectFirst("nav.account-nav a[href=/login]").text()).isEqualTo("Увійти");
		assertThat(page.selectFirst("a.skip-link").text()).isEqualTo("Перейти до вмісту");
	}

	@Test
	void anUnsupportedOrMalformedAcceptLanguageFallsBackToEnglish() {
		for (String header : List.of("de-DE,de;q=0.9", "!!not a language;;q=x")) {
			var response = browser().with("Accept-Language", header).get("/");

			assertThat(response.status()).as(header).isEqualTo(200);
			assertThat(response.html().selectFirst("nav.account-nav a[href=/login]").text()).isEqualTo("Sign in");
		}
	}

	@Test
	void choosingALanguageSetsTheCookieThatKeepsIt() {
		var chosen = browser().with("Accept-Language", "en").get("/?lang=uk");

		assertThat(chosen.status()).isEqualTo(200);
		assertThat(chosen.html().selectFirst("nav.account-nav a[href=/login]").text()).isEqualTo("Увійти");
		var cookie = chosen.cookies().stream().filter(c -> c.startsWith("veche_lang=")).findFirst();
		assertThat(cookie).as("the choice is kept in a cookie").isPresent();
		assertThat(cookie.get()).startsWith("veche_lang=uk");

		var later = browser().with("Accept-Language", "en").with("Cookie", "veche_lang=uk").get("/");
		assertThat(later.html().selectFirst("html").attr("lang")).isEqualTo("uk");
		assertThat(later.cookies()).isEmpty();
	}

	@Test
	void theLanguageSwitchLinksKeepThePageAndItsQuery() {
		var page = browser().get("/?page=1").html();

		var links = page.select("footer nav.languages a");
		assertThat(links.eachAttr("hreflang")).containsExactlyInAnyOrder("ru", "uk");
		assertThat(page.selectFirst("footer nav.languages a[hreflang=uk]").attr("href")).isEqualTo("/?page=1&lang=uk");
		assertThat(page.selectFirst("footer nav.languages [aria-current]").text()).isEqualTo("English");
	}

}
