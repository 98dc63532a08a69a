package org.veche.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.veche.identity.Role;
import org.veche.support.Http;
import org.veche.support.IntegrationTest;

/**
 * Editors create articles over the JSON API: who may, what is refused and how, and what
 * slugs come out.
 */
class ArticleDeskApiIT extends IntegrationTest {

	private String editorToken;

	@BeforeEach
	void editor() {
		editorToken = tokenFor(Role.EDITOR);
	}

	private Map<String, Object> article(String title) {
		var body = new HashMap<String, Object>();
		body.put("title", title);
		body.put("lead", "Lead of " + title);
		body.put("body", "Body of " + title);
		body.put("tags", List.of("desk-api"));
		body.put("status", "published");
		return body;
	}

	private static void assertProblem(Http.Response response, int status, String detail) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		var problem = response.json();
		assertThat(problem.get("status").asInt()).isEqualTo(status);
		assertThat(problem.get("detail").asString()).isEqualTo(detail);
	}

	@Test
	void anEditorCreatesAnArticleAndGetsItsIdSlugAndUrl() {
		String title = "Bridge reopens after repairs " + unique();

		var created = http.bearer(editorToken).postJson("/api/v1/articles", article(title));

		assertThat(created.status()).isEqualTo(201);
		var json = created.json();
		assertThat(json.get("id").asLong()).isPositive();
		String slug = json.get("slug").asString();
		assertThat(slug).isEqualTo(title.toLowerCase().replace(' ', '-'));
		assertThat(json.get("url").asString()).isEqualTo(http.url("/articles/" + slug));
		assertThat(created.header("Location")).isEqualTo(json.get("url").asString());
		var read = http.get("/api/v1/articles/" + slug);
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.json().get("id").asLong()).isEqualTo(json.get("id").asLong());
	}

	@Test
	void withoutATokenCreatingIsRefusedWith401() {
		var response = http.postJson("/api/v1/articles", article("No token " + unique()));

		assertProblem(response, 401, "A valid bearer token is required.");
	}

	@Test
	void aWrongTokenIsRefusedWith401() {
		var response = http.bearer("vch_this-token-was-never-issued")
			.postJson("/api/v1/articles", article("Bad token " + unique()));

		assertProblem(response, 401, "The bearer token is not valid.");
	}

	@Test
	void aReadersTokenIsRefusedWith403() {
		var response = http.bearer(tokenFor(Role.READER)).postJson("/api/v1/articles", article("Reader " + unique()));

		assertProblem(response, 403, "Your role does not allow this.");
	}

	@Test
	void aMissingTitleIsRefusedWith400() {
		var body = article("ignored");
		body.remove("title");

		assertProblem(http.bearer(editorToken).postJson("/api/v1/articles", body), 400, "The title is required.");
	}

	@Test
	void aBlankTitleIsRefusedWith400() {
		var body = article("   ");

		assertProblem(http.bearer(editorToken).postJson("/api/v1/articles", body), 400, "The title is required.");
	}

	@Test
	void anUnknownStatusIsRefusedWith400() {
		var body = article("Unknown status " + unique());
		body.put("status", "live");

		assertProblem(http.bearer(editorToken).postJson("/api/v1/articles", body), 400,
				"Unknown status: use draft, scheduled or published.");
	}

	@Test
	void aSourceLinkThatIsNotHttpIsRefusedWith400() {
		for (String url : List.of("javascript:alert(1)", "ftp://files.example.org/a", "not a link at all")) {
			var body = article("Bad source " + unique());
			body.put("source", Map.of("name", "Agency", "url", url));

			assertProblem(http.bearer(editorToken).postJson("/api/v1/articles", body), 400,
					"The source link must be an http or https address.");
		}
	}

	@Test
	void aScheduledArticleWithoutAFutureTimeIsRefusedWith400() {
		var body = article("Scheduled in the past " + unique());
		body.put("status", "scheduled");
		body.put("publishAt", "2001-01-01T00:00:00Z");

		assertProblem(http.bearer(editorToken).postJson("/api/v1/articles", body), 400,
				"A scheduled article needs a publishing time in the future.");
	}

	@Test
	void moreThanTwentyTagsAreRefusedWith400() {
		var body = article("Many tags " + unique());
		body.put("tags", IntStream.rangeClosed(1, 21).mapToObj(n -> "tag" + n).toList());

		assertProblem(http.bearer(editorToken).postJson("/api/v1/articles", body), 400, "Too many tags: at most 20.");
	}

	@Test
	void twentyTagsAreAccepted() {
		var body = article("Twenty tags " + unique());
		body.put("tags", IntStream.rangeClosed(1, 20).mapToObj(n -> "tag" + n).toList());

		assertThat(http.bearer(editorToken).postJson("/api/v1/articles", body).status()).isEqualTo(201);
	}

	@Test
	void aMalformedJsonBodyIsRefusedWith400AndAProblemDetail() throws Exception {
		var response = rawPost("/api/v1/articles", "{\"title\": \"Half a body\", \"tags\": [");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
		var problem = Http.JSON.readTree(response.body());
		assertThat(problem.get("status").asInt()).isEqualTo(400);
		assertThat(problem.get("detail").asString()).isNotBlank();
	}

	@Test
	void aBodyOfTheWrongShapeIsRefusedWith400() throws Exception {
		var response = rawPost("/api/v1/articles", "{\"title\": {\"nested\": true}, \"tags\": \"not a list\"}");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(Http.JSON.readTree(response.body()).get("detail").asString()).isNotBlank();
	}

	@Test
	void cyrillicTitlesGiveTransliteratedSlugs() {
		int n = unique();

		String russian = http.bearer(editorToken)
			.postJson("/api/v1/articles", article("Щедрый урожай в Житомире " + n))
			.json()
			.get("slug")
			.asString();
		String ukrainian = http.bearer(editorToken)
			.postJson("/api/v1/articles", article("Їжак і ґанок: що кажуть у Києві " + n))
			.json()
			.get("slug")
			.asString();

		assertThat(russian).isEqualTo("shchedryy-urozhay-v-zhitomire-" + n);
		assertThat(ukrainian).isEqualTo("yizhak-i-ganok-shcho-kazhut-u-kiyevi-" + n);
	}

	@Test
	void aSecondArticleWithTheSameTitleGetsSuffixTwoThenThree() {
		String title = "Новости дня " + unique();

		String first = http.bearer(editorToken)
			.postJson("/api/v1/articles", article(title))
			.json()
			.get("slug")
			.asString();
		String second = http.bearer(editorToken)
			.postJson("/api/v1/articles", article(title))
			.json()
			.get("slug")
			.asString();
		String third = http.bearer(editorToken)
			.postJson("/api/v1/articles", article(title))
			.json()
			.get("slug")
			.asString();

		assertThat(first).startsWith("novosti-dnya-");
		assertThat(second).isEqualTo(first + "-2");
		assertThat(third).isEqualTo(first + "-3");
		assertThat(http.get("/api/v1/articles/" + second).json().get("title").asString()).isEqualTo(title);
	}

	/**
	 * A request whose body is not JSON at all, which the test client's JSON helper cannot
	 * send.
	 */
	private HttpResponse<String> rawPost(String path, String body) throws IOException, InterruptedException {
		var request = HttpRequest.newBuilder(URI.create(http.url(path)))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + editorToken)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		try (var client = HttpClient.newHttpClient()) {
			return client.send(request, HttpResponse.BodyHandlers.ofString());
		}
	}

}
