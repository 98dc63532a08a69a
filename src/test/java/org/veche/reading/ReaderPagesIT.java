package org.veche.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.veche.identity.Role;
import org.veche.support.Http;
import org.veche.support.IntegrationTest;

/**
 * The pages a reader sees: the front page, tag pages with their paging, and the article
 * page.
 */
class ReaderPagesIT extends IntegrationTest {

	private String editorToken;

	private Http browser;

	@BeforeEach
	void setUp() {
		editorToken = tokenFor(Role.EDITOR);
		browser = http.with("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8");
	}

	private String publish(Map<String, Object> fields) {
		var body = new HashMap<String, Object>(fields);
		body.putIfAbsent("status", "published");
		var response = http.bearer(editorToken).postJson("/api/v1/articles", body);
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.json().get("slug").asString();
	}

	private static Element card(Document page, String slug) {
		var link = page.selectFirst("li.article-card h2 a[href=/articles/" + slug + "]");
		return link == null ? null : link.closest("li.article-card");
	}

	private static List<String> cardSlugs(Document page) {
		var slugs = new ArrayList<String>();
		for (var link : page.select("li.article-card h2 a")) {
			slugs.add(link.attr("href").replaceFirst("^/articles/", ""));
		}
		return slugs;
	}

	@Test
	void theFrontPageListsPublishedArticlesWithCommentCountsAndTagLinks() {
		String tag = "front" + unique();
		String quiet = publish(
				Map.of("title", "Quiet front page story " + unique(), "lead", "Nothing to say", "tags", List.of(tag)));
		String discussed = publish(Map.of("title", "Discussed front page story " + unique(), "lead",
				"Everyone has an opinion", "tags", List.of(tag, "debate")));
		postComment(discussed, null, "Mykola", "I agree");
		postComment(discussed, null, "Oksana", "I do not");

		var response = browser.get("/");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("Content-Type")).startsWith("text/html");
		var page = response.html();
		assertThat(cardSlugs(page).subList(0, 2)).containsExactly(discussed, quiet);
		var card = card(page, discussed);
		assertThat(card.selectFirst("p.lead").text()).isEqualTo("Everyone has an opinion");
		assertThat(card.selectFirst("p.meta a[href=/articles/" + discussed + "#comments]").text())
			.isEqualTo("2 comments");
		assertThat(card(page, quiet).selectFirst("p.meta a[href$=#comments]").text()).isEqualTo("0 comments");
		assertThat(card.select("ul.tags a").eachAttr("href")).containsExactlyInAnyOrder("/tags/" + tag, "/tags/debate");
	}

	@Test
	void aTagPageListsOnlyArticlesWithThatTag() {
		String tag = "only" + unique();
		String tagged = publish(Map.of("title", "Tagged story " + unique(), "tags", List.of(tag)));
		String other = publish(Map.of("title", "Untagged story " + unique(), "tags", List.of("elsewhere")));

		var response = browser.get("/tags/" + tag);

		assertThat(response.status()).isEqualTo(200);
		var page = response.html();
		assertThat(cardSlugs(page)).containsExactly(tagged);
		assertThat(page.selectFirst("h1.listing-title").text()).contains(tag);
		assertThat(cardSlugs(page)).doesNotContain(other);
	}

	@Test
	void moreThanTenArticlesArePagedWithLinksToTheNextAndPreviousPage() {
		String tag = "paged" + unique();
		var published = new ArrayList<String>();
		for (int i = 1; i <= 11; i++) {
			published.add(publish(Map.of("title", "Paged story " + i + " of " + tag, "tags", List.of(tag))));
		}

		var first = browser.get("/tags/" + tag).html();
		var second = browser.get("/tags/" + tag + "?page=2").html();

		assertThat(cardSlugs(first)).hasSize(10).containsExactlyElementsOf(published.reversed().subList(0, 10));
		assertThat(first.selectFirst("nav.pagination a[rel=next]").attr("href")).isEqualTo("?page=2");
		assertThat(first.select("nav.pagination a[rel=prev]")).isEmpty();
		assertThat(first.selectFirst("nav.pagination span").text()).isEqualTo("Page 1 of 2");
		assertThat(cardSlugs(second)).containsExactly(published.get(0));
		assertThat(second.selectFirst("nav.pagination a[rel=prev]").attr("href")).isEqualTo("?page=1");
		assertThat(second.select("nav.pagination a[rel=next]")).isEmpty();

		var front = browser.get("/").html();
		var frontSecond = browser.get("/?page=2").html();
		assertThat(front.selectFirst("nav.pagination a[rel=next]").attr("href")).isEqualTo("?page=2");
		assertThat(cardSlugs(front)).hasSize(10);
		assertThat(cardSlugs(frontSecond)).isNotEmpty().doesNotContainAnyElementsOf(cardSlugs(front));
		assertThat(cardSlugs(frontSecond)).contains(published.get(0));
	}

	@Test
	void aPageNumberThatIsNotANumberShowsTheFirstPage() {
		String slug = publish(Map.of("title", "Garbage page number " + unique()));

		var response = browser.get("/?page=%27%3Bdrop");

		assertThat(response.status()).isEqualTo(200);
		assertThat(cardSlugs(response.html())).contains(slug);
	}

	@Test
	void theArticlePageShowsTitleStandfirstBylineSourceAndRenderedText() {
		String title = "Council approves the budget " + unique();
		String slug = publish(Map.of("title", title, "lead", "After a long night the vote was 21 to 4.", "body", """
				The session *opened* at six with **heated** debate.

				## What changes

				- more buses
				- fewer potholes

				Read the [full minutes](https://council.example.org/minutes).
				""", "tags", List.of("Budget"), "source",
				Map.of("name", "Council Press Office", "url", "https://council.example.org/press")));
		var api = http.get("/api/v1/articles/" + slug).json();

		var response = browser.get("/articles/" + slug);

		assertThat(response.status()).isEqualTo(200);
		var page = response.html();
		assertThat(page.title()).isEqualTo(title + " · Veche");
		assertThat(page.selectFirst("h1#story-title").text()).isEqualTo(title);
		assertThat(page.selectFirst("p.standfirst").text()).isEqualTo("After a long night the vote was 21 to 4.");
		assertThat(page.selectFirst("meta[name=description]").attr("content"))
			.isEqualTo("After a long night the vote was 21 to 4.");

		var byline = page.selectFirst("p.byline");
		assertThat(byline.selectFirst(".author").text()).isEqualTo(api.get("author").asString());
		Instant publishedAt = Instant.parse(api.get("publishedAt").asString());
		var time = byline.selectFirst("time");
		var stamped = OffsetDateTime.parse(time.attr("datetime"));
		assertThat(stamped.getOffset()).as("the site's default time zone is UTC").isEqualTo(ZoneOffset.UTC);
		assertThat(stamped.toInstant()).isEqualTo(publishedAt);
		String utcTime = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT)
			.withLocale(Locale.ENGLISH)
			.withZone(ZoneOffset.UTC)
			.format(publishedAt);
		String utcDay = String.valueOf(publishedAt.atOffset(ZoneOffset.UTC).getDayOfMonth());
		assertThat(time.text()).contains(utcTime).contains(utcDay).contains(String.valueOf(stamped.getYear()));

		var source = page.selectFirst("p.source");
		assertThat(source.text()).isEqualTo("According to Council Press Office");
		assertThat(source.selectFirst("a").attr("href")).isEqualTo("https://council.example.org/press");

		var body = page.selectFirst("div.story-body");
		assertThat(body.selectFirst("em").text()).isEqualTo("opened");
		assertThat(body.selectFirst("strong").text()).isEqualTo("heated");
		assertThat(body.selectFirst("h2").text()).isEqualTo("What changes");
		assertThat(body.select("ul li").eachText()).containsExactly("more buses", "fewer potholes");
		assertThat(body.selectFirst("a[href=https://council.example.org/minutes]").text()).isEqualTo("full minutes");
		assertThat(page.select("ul.tags a").eachAttr("href")).containsExactly("/tags/budget");
		assertThat(page.selectFirst("#comments-title").text()).isEqualTo("No comments yet");
	}

	@Test
	void scriptInAnArticleBodyDoesNotSurviveSanitizing() {
		String slug = publish(Map.of("title", "Hostile body " + unique(), "body", """
				Before the script.

				<script>document.title = 'owned'</script>

				<img src="https://example.org/i.png" onerror="alert(1)">

				[click me](javascript:alert(2))

				<a href="https://example.org/ok" onclick="alert(3)">fine link</a>

				After the script.
				"""));

		var page = browser.get("/articles/" + slug).html();

		var body = page.selectFirst("div.story-body");
		assertThat(body.text()).contains("Before the script.").contains("After the script.").doesNotContain("owned");
		assertThat(body.select("script")).isEmpty();
		assertThat(body.select("[onerror], [onclick]")).isEmpty();
		assertThat(body.select("a[href^=javascript]")).isEmpty();
		assertThat(body.selectFirst("a[href=https://example.org/ok]").text()).isEqualTo("fine link");
		assertThat(page.select("script").eachAttr("src")).allMatch(src -> !src.isBlank());
	}

	@Test
	void aGuestReadingAnArticleGetsNoCookie() {
		String slug = publishArticle(editorToken, "No cookies for guests " + unique());
		postComment(slug, null, "Petro", "A comment so the thread is not empty");

		var article = browser.get("/articles/" + slug);
		var front = browser.get("/");
		var tag = browser.get("/tags/test");

		assertThat(article.status()).isEqualTo(200);
		assertThat(article.cookies()).isEmpty();
		assertThat(front.cookies()).isEmpty();
		assertThat(tag.cookies()).isEmpty();
		assertThat(article.html().select("input[name=_csrf]")).as("no session, so no token").isEmpty();
	}

}
