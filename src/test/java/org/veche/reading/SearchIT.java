package org.veche.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.veche.identity.NewAccount;
import org.veche.identity.Role;
import org.veche.identity.SignedIn;
import org.veche.publishing.Article;
import org.veche.publishing.ArticleLookup;
import org.veche.publishing.Newsroom;
import org.veche.support.Http;
import org.veche.support.IntegrationTest;

/**
 * The search page over articles and comments, on SQLite's FTS5 and PostgreSQL's full-text
 * search alike: what is found and what never is, the marked snippets (escaped), Russian
 * and Ukrainian words in other forms, paging, and whatever a reader may type answered
 * with the form, never a 500.
 */
class SearchIT extends IntegrationTest {

	@Autowired
	private ArticleLookup publishing;

	@Autowired
	private Newsroom newsroom;

	private String editor;

	private Http browser;

	@BeforeEach
	void setUp() {
		editor = tokenFor(Role.EDITOR);
		browser = http.with("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8");
	}

	/**
	 * A word no other test writes: letters only, so that every engine takes it as one
	 * word.
	 */
	private static String word() {
		var letters = new StringBuilder("zq");
		for (int n = unique(); n > 0; n /= 26) {
			letters.append((char) ('a' + n % 26));
		}
		return letters.append("xv").toString();
	}

	private String publish(String title, String lead, String body, String status) {
		var fields = new HashMap<String, Object>(
				Map.of("title", title, "lead", lead, "body", body, "tags", List.of("search"), "status", status));
		var response = http.bearer(editor).postJson("/api/v1/articles", fields);
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.json().get("slug").asString();
	}

	private Http.Response search(String query) {
		return browser.get("/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
	}

	@Test
	void findsPublishedArticlesWithTheMatchMarkedAndNeverDraftsNorKeepsThePage() {
		String word = word();
		String found = publish("Harbour report " + unique(), "What the " + word + " saw", "Boats and nets.",
				"published");
		publish("Draft harbour " + unique(), "Also " + word, "Not yet.", "draft");

		var response = search(word);

		assertThat(response.status()).isEqualTo(200);
		var page = response.html();
		assertThat(page.select("ol.search-results h2 a").eachAttr("href")).containsExactly("/articles/" + found);
		assertThat(page.select("ol.search-results p.snippet mark").eachText()).contains(word);
		assertThat(page.selectFirst("nav.search-tabs").text()).contains("Articles (1)").contains("Comments (0)");
		assertThat(page.selectFirst("input#search-q").val()).isEqualTo(word);
		assertThat(response.header("ETag")).as("search pages are never kept for guests").isNull();
		assertThat(search(word).header("ETag")).isNull();
	}

	@Test
	void findsApprovedCommentsOnlyAndLinksToTheirPlaceInTheThread() {
		String word = word();
		String slug = publish("Discussion " + unique(), "Lead", "Body", "published");
		long approved = postComment(slug, null, "Olena", "I saw the " + word + " too").get("id").asLong();
		String held = publish("Held discussion " + unique(), "Lead", "Body", "published");
		var by = identity.createAccount(
				new NewAccount("ed" + unique() + "@example.org", "editor password 12", "Editor", Role.EDITOR));
		newsroom.setDiscussion(publishing.article(held).orElseThrow().id(), Article.Discussion.PREMODERATED,
				new SignedIn(by, null));
		var waiting = http.from(newAddress())
			.postJson("/api/v1/articles/" + held + "/comments", Map.of("author",
					Map.of("name", "Petro", "email", "p" + unique() + "@example.org"), "body", "Held " + word));
		assertThat(waiting.status()).as(waiting.toString()).isEqualTo(202);

		var page = browser.get("/search?q=" + word + "&in=comments").html();

		assertThat(page.select("ol.search-results li")).hasSize(1);
		assertThat(page.selectFirst("ol.search-results p.snippet").text()).contains("saw the " + word);
		assertThat(page.select("ol.search-results p.snippet mark").eachText()).containsExactly(word);
		assertThat(page.select("ol.search-results a").eachAttr("href")).containsExactly("/comments/" + approved);
		assertThat(page.selectFirst("nav.search-tabs").text()).contains("Comments (1)");
		var link = http.get("/comments/" + approved);
		assertThat(link.status()).isEqualTo(302);
		assertThat(link.header("Location")).endsWith("/articles/" + slug + "#comment-" + approved);
		assertThat(http.get("/comments/" + waiting.json().get("id").asLong()).status())
			.as("a held comment has no public link")
			.isEqualTo(404);
	}

	@Test
	void russianAndUkrainianWordsAreFoundInOtherForms() {
		String word = word();
		String russian = publish("Новости Москвы " + word, "Главные события дня", "Фотографии с выставки.",
				"published");
		String ukrainian = publish("Новини Києва " + word, "Головні події дня", "Світлини з виставки.", "published");
		String english = publish("Running harbours " + word, "Boats", "Nets.", "published");

		assertThat(hrefs(search("новость " + word))).containsExactly("/articles/" + russian);
		assertThat(hrefs(search("фотография " + word))).containsExactly("/articles/" + russian);
		assertThat(hrefs(search("новина " + word))).containsExactly("/articles/" + ukrainian);
		assertThat(hrefs(search("виставка " + word))).containsExactly("/articles/" + ukrainian);
		assertThat(hrefs(search("harbour run " + word))).containsExactly("/articles/" + english);
		assertThat(hrefs(search("НОВОСТИ " + word))).as("case does not matter").containsExactly("/articles/" + russian);
	}

	private static List<String> hrefs(Http.Response response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.html().select("ol.search-results h2 a").eachAttr("href");
	}

	@Test
	void markupInFoundTextIsShownAsTextNotRun() {
		// the lead holds the word and the markup, the text only the word: both engines
		// pick the lead
		String word = word();
		publish("Markup " + unique(), "<script>alert(1)</script> " + word + " <img src=x onerror=alert(2)>",
				"<b>bold</b> text", "published");

		var response = search(word);

		assertThat(response.status()).isEqualTo(200);
		var results = response.html().selectFirst("ol.search-results");
		assertThat(results.select("script, img, b")).isEmpty();
		// PostgreSQL's headline leaves out what its parser reads as tags; whatever is
		// left is shown as text
		assertThat(results.selectFirst("p.snippet").text()).contains(word).contains("onerror=alert(2)");
		assertThat(response.body()).doesNotContain("<script>alert(1)")
			.doesNotContain("<b>bold")
			.doesNotContain("<img src=x")
			.contains("&lt;img src=x");
	}

	@Test
	void resultsComeAPageAtATime() {
		String word = word();
		for (int i = 0; i < SearchController.PER_PAGE + 2; i++) {
			publish("Paged " + i + " " + unique(), "About " + word, "Text", "published");
		}

		var first = search(word).html();
		assertThat(first.select("ol.search-results li")).hasSize(SearchController.PER_PAGE);
		String next = first.selectFirst("nav.pagination a[rel=next]").attr("href");
		assertThat(next).isEqualTo("/search?q=" + word + "&page=2");
		var second = browser.get(next).html();
		assertThat(second.select("ol.search-results li")).hasSize(2);
		assertThat(second.selectFirst("nav.pagination a[rel=prev]").attr("href"))
			.isEqualTo("/search?q=" + word + "&page=1");
		assertThat(second.selectFirst("nav.pagination").text()).contains("Page 2 of 2");
	}

	@Test
	void emptyOrUnusableQueriesGetTheFormAgainWithAMessage() {
		var none = browser.get("/search");
		assertThat(none.status()).isEqualTo(200);
		assertThat(none.html().select("form.search-form input[name=q]")).hasSize(1);
		assertThat(none.html().select(".form-error")).isEmpty();

		assertThat(refusal(browser.get("/search?q=")).text()).isEqualTo("Type what to search for.");
		assertThat(refusal(search("   ")).text()).isEqualTo("Type what to search for.");
		assertThat(refusal(search("\"*)( -- ^ : + ")).text()).contains("at least one word");
		assertThat(refusal(search("a".repeat(201))).text()).contains("at most 200 characters");
	}

	private static org.jsoup.nodes.Element refusal(Http.Response response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		var page = response.html();
		assertThat(page.select("form.search-form input[name=q]")).hasSize(1);
		return page.selectFirst(".form-error");
	}

	@Test
	void searchEngineSyntaxIsOnlyWordsAndNeverAFailure() {
		String word = word();
		String slug = publish("Operators " + unique(), "NEAR and OR " + word, "Body", "published");
		for (String typed : List.of(word + " OR", "NEAR(" + word + ")", word + "*", "\"" + word, word + "\"\"",
				"title:" + word, "-" + word, "^" + word, word + " AND NOT x", "{" + word + "}", word + " & !x | y",
				"'" + word + "':*", word + "\\", word + " <-> x", "(((" + word, word + " \u0000",
				"\uD83D\uDE00 " + word)) {
			var response = search(typed);
			assertThat(response.status()).as("%s -> %s", typed, response).isLessThan(500);
			if (response.status() == 200) {
				assertThat(response.html().select("form.search-form")).hasSize(1);
			}
		}
		assertThat(hrefs(search("NEAR(" + word + ")"))).containsExactly("/articles/" + slug);
		assertThat(hrefs(search("\"" + word + "\" OR"))).containsExactly("/articles/" + slug);
	}

}
