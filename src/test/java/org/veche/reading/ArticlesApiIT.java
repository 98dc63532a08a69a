package org.veche.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.veche.identity.Role;
import org.veche.support.Http;
import org.veche.support.IntegrationTest;

import tools.jackson.databind.JsonNode;

/**
 * What readers get from the JSON API: published articles only, newest first, a page at a
 * time, with comment counts; drafts and articles scheduled for later are not there until
 * their time.
 */
class ArticlesApiIT extends IntegrationTest {

	private String editorToken;

	@BeforeEach
	void editor() {
		editorToken = tokenFor(Role.EDITOR);
	}

	private String create(String title, String status, Instant publishAt) {
		var body = new HashMap<String, Object>();
		body.put("title", title);
		body.put("lead", "Lead of " + title);
		body.put("body", "Body of " + title);
		body.put("status", status);
		if (publishAt != null) {
			body.put("publishAt", publishAt.toString());
		}
		var response = http.bearer(editorToken).postJson("/api/v1/articles", body);
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.json().get("slug").asString();
	}

	private static List<String> slugs(JsonNode page) {
		return page.get("articles").valueStream().map(a -> a.get("slug").asString()).toList();
	}

	private static void assertNotFoundProblem(Http.Response response) {
		assertThat(response.status()).isEqualTo(404);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(response.json().get("detail").asString()).isEqualTo("No such article.");
	}

	@Test
	void theListIsNewestFirstAPageAtATimeWithTotalPageAndSize() {
		long totalBefore = http.get("/api/v1/articles").json().get("total").asLong();
		String oldest = publishArticle(editorToken, "Paged first " + unique());
		String middle = publishArticle(editorToken, "Paged second " + unique());
		String newest = publishArticle(editorToken, "Paged third " + unique());

		var first = http.get("/api/v1/articles?page=1&size=2").json();
		var second = http.get("/api/v1/articles?page=2&size=2").json();

		assertThat(first.get("total").asLong()).isEqualTo(totalBefore + 3);
		assertThat(first.get("page").asInt()).isEqualTo(1);
		assertThat(first.get("size").asInt()).isEqualTo(2);
		assertThat(slugs(first)).containsExactly(newest, middle);
		assertThat(second.get("page").asInt()).isEqualTo(2);
		assertThat(second.get("total").asLong()).isEqualTo(totalBefore + 3);
		assertThat(slugs(second).get(0)).isEqualTo(oldest);
		var item = first.get("articles").get(0);
		assertThat(item.get("url").asString()).isEqualTo(http.url("/articles/" + newest));
		assertThat(item.get("title").asString()).startsWith("Paged third ");
		assertThat(Instant.parse(item.get("publishedAt").asString()))
			.isAfterOrEqualTo(Instant.parse(first.get("articles").get(1).get("publishedAt").asString()));
	}

	@Test
	void pageAndSizeOutOfRangeAreClampedNotRefused() {
		publishArticle(editorToken, "Clamped " + unique());

		var tooBig = http.get("/api/v1/articles?size=100000").json();
		var zero = http.get("/api/v1/articles?page=0&size=0").json();

		assertThat(tooBig.get("size").asInt()).isEqualTo(100);
		assertThat(zero.get("page").asInt()).isEqualTo(1);
		assertThat(zero.get("size").asInt()).isEqualTo(1);
		assertThat(zero.get("articles").size()).isEqualTo(1);
	}

	@Test
	void aPageParameterThatIsNotANumberIsA400Problem() {
		var response = http.get("/api/v1/articles?page=first");

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(response.json().get("detail").asString()).isNotBlank();
	}

	@Test
	void eachListedArticleCarriesItsCommentCount() {
		String quiet = publishArticle(editorToken, "Nobody talks " + unique());
		String busy = publishArticle(editorToken, "Everybody talks " + unique());
		var first = postComment(busy, null, "Olena", "First comment");
		postComment(busy, first.get("id").asLong(), "Taras", "A reply counts too");
		postComment(busy, null, "Iryna", "Third");

		var listed = http.get("/api/v1/articles?size=5").json().get("articles");
		Map<String, Integer> counts = new HashMap<>();
		listed.valueStream().forEach(a -> counts.put(a.get("slug").asString(), a.get("comments").asInt()));

		assertThat(counts).containsEntry(busy, 3).containsEntry(quiet, 0);
		assertThat(http.get("/api/v1/articles/" + busy).json().get("comments").asInt()).isEqualTo(3);
	}

	@Test
	void oneArticleBySlugHasItsTextTagsSourceAndAuthor() {
		String title = "One by slug " + unique();
		var body = new HashMap<String, Object>();
		body.put("title", title);
		body.put("lead", "The standfirst");
		body.put("body", "Text with a [link](https://example.org/one).");
		body.put("tags", List.of("Transport", "city"));
		body.put("source", Map.of("name", "City Hall", "url", "https://city.example.org/press"));
		body.put("status", "published");
		String slug = http.bearer(editorToken).postJson("/api/v1/articles", body).json().get("slug").asString();

		var response = http.get("/api/v1/articles/" + slug);

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("Content-Type")).startsWith("application/json");
		var article = response.json();
		assertThat(article.get("title").asString()).isEqualTo(title);
		assertThat(article.get("lead").asString()).isEqualTo("The standfirst");
		assertThat(article.get("kind").asString()).isEqualTo("article");
		assertThat(article.get("html").asString()).contains("<a href=\"https://example.org/one\"");
		assertThat(article.get("tags").valueStream().map(JsonNode::asString).toList())
			.containsExactlyInAnyOrder("transport", "city");
		assertThat(article.get("source").get("name").asString()).isEqualTo("City Hall");
		assertThat(article.get("source").get("url").asString()).isEqualTo("https://city.example.org/press");
		assertThat(article.get("author").asString()).startsWith("EDITOR ");
		assertThat(article.get("url").asString()).isEqualTo(http.url("/articles/" + slug));
		assertThat(article.get("comments").asInt()).isZero();
		assertThat(article.get("photos").size()).isZero();
	}

	@Test
	void anUnknownSlugIsA404Problem() {
		assertNotFoundProblem(http.get("/api/v1/articles/no-such-article-" + unique()));
	}

	@Test
	void aDraftIsNeitherListedNorReadable() {
		String draft = create("Draft only " + unique(), "draft", null);
		String published = publishArticle(editorToken, "Published next to a draft " + unique());

		var listed = slugs(http.get("/api/v1/articles?size=100").json());

		assertThat(listed).contains(published).doesNotContain(draft);
		assertNotFoundProblem(http.get("/api/v1/articles/" + draft));
		assertThat(http.with("Accept", "text/html").get("/articles/" + draft).status()).isEqualTo(404);
	}

	@Test
	void aScheduledArticleAppearsWhenItsTimeComes() throws InterruptedException {
		Instant publishAt = Instant.now().plusSeconds(2);
		String slug = create("Scheduled for two seconds " + unique(), "scheduled", publishAt);

		assertNotFoundProblem(http.get("/api/v1/articles/" + slug));
		assertThat(slugs(http.get("/api/v1/articles?size=100").json())).doesNotContain(slug);
		assertThat(http.with("Accept", "text/html").get("/articles/" + slug).status()).isEqualTo(404);

		Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
		Http.Response response = http.get("/api/v1/articles/" + slug);
		while (response.status() == 404 && Instant.now().isBefore(deadline)) {
			Thread.sleep(100);
			response = http.get("/api/v1/articles/" + slug);
		}

		assertThat(response.status()).isEqualTo(200);
		assertThat(Instant.now()).as("not before its time").isAfterOrEqualTo(publishAt);
		assertThat(Instant.parse(response.json().get("publishedAt").asString()))
			.isEqualTo(publishAt.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
		assertThat(slugs(http.get("/api/v1/articles?size=100").json())).contains(slug);
		assertThat(http.with("Accept", "text/html").get("/articles/" + slug).status()).isEqualTo(200);
	}

}
