package org.veche.embed;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.veche.support.Http;
import org.veche.support.IntegrationTest;

import tools.jackson.databind.JsonNode;

/**
 * The embed API as another site's page calls it: the allowed-origin check, CORS answers,
 * a thread made by the first comment (and only then), one thread for every spelling of a
 * page's address, replies, likes without cookies, counts.
 */
class EmbedIT extends IntegrationTest {

	@Autowired
	EmbeddedPages pages;

	private String allowedSite() {
		String origin = "https://blog" + unique() + ".example";
		EmbedSupport.allow(pages, origin);
		return origin;
	}

	private Http from(String origin) {
		return http.from(newAddress()).with("Origin", origin);
	}

	private static String q(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private Http.Response post(Http client, String url, Long parentId, String name, String body) {
		var comment = new HashMap<String, Object>();
		comment.put("url", url);
		comment.put("title", "A post on another site");
		comment.put("parentId", parentId);
		comment.put("author", Map.of("name", name, "email", "reader" + unique() + "@example.org"));
		comment.put("body", body);
		return client.postJson("/embed/v1/comments", comment);
	}

	@Test
	void theFirstCommentMakesTheThreadAndItsPageLinksToTheOriginal() {
		String site = allowedSite();
		String url = site + "/2021/01/31/post/";
		var before = from(site).get("/embed/v1/thread?url=" + q(url));
		assertThat(before.status()).isEqualTo(200);
		assertThat(before.json().get("total").asInt()).isZero();
		assertThat(before.json().get("articleUrl").isNull()).isTrue();
		assertThat(pages.find(url)).as("reading makes no thread").isEmpty();

		var posted = post(from(site), url, null, "Guest One", "First on the embedded page");
		assertThat(posted.status()).isEqualTo(201);
		assertThat(posted.cookies()).as("a guest posts without cookies").isEmpty();
		long first = posted.json().get("id").asLong();

		EmbeddedPage page = pages.find(url).orElseThrow();
		assertThat(page.url()).isEqualTo(site + "/2021/01/31/post");
		assertThat(page.origin()).isEqualTo(site);
		var onSite = http.get(page.articlePath()).html();
		assertThat(onSite.select("h1").text()).isEqualTo("A post on another site");
		assertThat(onSite.select(".original-page a").attr("href")).isEqualTo(site + "/2021/01/31/post");
		assertThat(onSite.select(".kicker").text())
			.isEqualTo("Discussion of a page on " + site.substring("https://".length()));
		assertThat(onSite.select("#comments .comment-text").text()).contains("First on the embedded page");

		var thread = from(site).get("/embed/v1/thread?url=" + q(url)).json();
		assertThat(thread.get("total").asInt()).isEqualTo(1);
		assertThat(thread.get("totalLabel").asString()).isEqualTo("1 comment");
		assertThat(thread.get("articleUrl").asString()).endsWith(page.articlePath());
		assertThat(thread.get("comments").get(0).get("id").asLong()).isEqualTo(first);
		assertThat(thread.get("comments").get(0).get("html").asString()).contains("First on the embedded page");
		assertThat(thread.get("texts").get("form.submit").asString()).isEqualTo("Post comment");
	}

	@Test
	void everySpellingOfThePageFindsTheSameThreadAndRepliesNestInIt() {
		String site = allowedSite();
		String host = site.substring("https://".length());
		long first = post(from(site), site + "/notes/one/", null, "Guest", "Top").json().get("id").asLong();
		var reply = post(from(site), "HTTPS://" + host.toUpperCase() + ":443/notes/one#veche-thread", first, "Replier",
				"The reply");
		assertThat(reply.status()).isEqualTo(201);
		assertThat(reply.json().get("parentId").asLong()).isEqualTo(first);

		var thread = from(site).get("/embed/v1/thread?url=" + q(site + "/notes/one?utm_source=feed")).json();
		assertThat(thread.get("total").asInt()).isEqualTo(2);
		JsonNode root = thread.get("comments").get(0);
		assertThat(root.get("replies").get(0).get("author").get("name").asString()).isEqualTo("Replier");
		assertThat(pages.find(site + "/notes/one").orElseThrow().articleId())
			.isEqualTo(pages.find(site + "/notes/one/").orElseThrow().articleId());
	}

	@Test
	void aPageOfAnUnknownSiteGetsNoThread() {
		String stranger = "https://stranger" + unique() + ".example";
		String url = stranger + "/post/";
		var refused = post(http.from(newAddress()), url, null, "Guest", "Let me in");
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
		assertThat(refused.json().get("detail").asString())
			.isEqualTo("This site does not hold discussions for pages of " + stranger + ".");
		assertThat(http.get("/embed/v1/thread?url=" + q(url)).status()).isEqualTo(403);
		assertThat(pages.find(url)).isEmpty();

		// an allowed page posted from an unknown site's script is refused by CORS before
		// it is read
		String site = allowedSite();
		var crossSite = post(from(stranger), site + "/post/", null, "Guest", "From elsewhere");
		assertThat(crossSite.status()).isEqualTo(403);
		assertThat(crossSite.header("Access-Control-Allow-Origin")).isNull();
		assertThat(pages.find(site + "/post/")).isEmpty();
	}

	@Test
	void aRefusedFirstCommentLeavesNoThread() {
		String site = allowedSite();
		var refused = post(from(site), site + "/empty/", null, "Guest", "   ");
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("detail").asString()).isNotBlank();
		assertThat(pages.find(site + "/empty/")).isEmpty();
	}

	@Test
	void corsAnswersOnlyTheAllowedSitesWithoutCredentials() {
		String site = allowedSite();
		var preflight = http.with("Origin", site)
			.with("Access-Control-Request-Method", "POST")
			.with("Access-Control-Request-Headers", "content-type,x-veche-reader,authorization")
			.options("/embed/v1/comments");
		assertThat(preflight.status()).isEqualTo(200);
		assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo(site);
		assertThat(preflight.header("Access-Control-Allow-Methods")).contains("POST");
		assertThat(preflight.header("Access-Control-Allow-Headers").toLowerCase()).contains("content-type")
			.contains("x-veche-reader")
			.contains("authorization");
		assertThat(preflight.header("Access-Control-Allow-Credentials")).isNull();

		var get = http.with("Origin", site).get("/embed/v1/thread?url=" + q(site + "/x"));
		assertThat(get.header("Access-Control-Allow-Origin")).isEqualTo(site);
		assertThat(get.header("Vary")).contains("Origin");
		assertThat(get.cookies()).isEmpty();

		String stranger = "https://stranger" + unique() + ".example";
		var refused = http.with("Origin", stranger)
			.with("Access-Control-Request-Method", "POST")
			.options("/embed/v1/comments");
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.header("Access-Control-Allow-Origin")).isNull();
		assertThat(http.with("Origin", stranger).get("/embed/v1/counts?url=" + q(site + "/x")).status()).isEqualTo(403);
		// the rest of the site answers no other origin either
		assertThat(http.with("Origin", site).get("/api/v1/articles").header("Access-Control-Allow-Origin")).isNull();
	}

	@Test
	void guestsLikeWithTheirReaderKeyAndNoCookie() {
		String site = allowedSite();
		long id = post(from(site), site + "/liked/", null, "Guest", "Like me").json().get("id").asLong();
		var reader = from(site).with("X-Veche-Reader", "reader-key-" + unique() + "-abcdefgh");
		var liked = reader.postJson("/embed/v1/comments/" + id + "/like", Map.of());
		assertThat(liked.status()).isEqualTo(200);
		assertThat(liked.cookies()).isEmpty();
		assertThat(liked.json().get("likes").asInt()).isEqualTo(1);
		assertThat(liked.json().get("likedBy").asString()).isEqualTo("Liked by 1 person");
		assertThat(reader.postJson("/embed/v1/comments/" + id + "/like", Map.of()).json().get("likes").asInt())
			.as("one like per reader key")
			.isEqualTo(1);
		var thread = reader.get("/embed/v1/thread?url=" + q(site + "/liked")).json();
		assertThat(thread.get("comments").get(0).get("liked").asBoolean()).isTrue();
		assertThat(reader.delete("/embed/v1/comments/" + id + "/like").json().get("likes").asInt()).isZero();
		assertThat(from(site).postJson("/embed/v1/comments/" + id + "/like", Map.of()).status())
			.as("a like needs some reader")
			.isEqualTo(400);
	}

	@Test
	void countsFillIndexPagesAndExternalPagesStayOffTheListings() {
		String site = allowedSite();
		post(from(site), site + "/counted/", null, "Guest", "One");
		post(from(site), site + "/counted", null, "Guest", "Two");
		var counts = http.with("Origin", site)
			.get("/embed/v1/counts?url=" + q(site + "/counted/") + "&url=" + q(site + "/never/") + "&url=nonsense")
			.json();
		assertThat(counts.get(site + "/counted/").get("count").asInt()).isEqualTo(2);
		assertThat(counts.get(site + "/counted/").get("label").asString()).isEqualTo("2 comments");
		assertThat(counts.get(site + "/never/").get("count").asInt()).isZero();
		assertThat(counts.get("nonsense").get("count").asInt()).isZero();

		String slug = pages.find(site + "/counted").orElseThrow().articlePath().substring("/articles/".length());
		assertThat(http.get("/").body()).doesNotContain(slug);
		assertThat(http.get("/api/v1/articles?size=100").body()).doesNotContain(slug);
		assertThat(http.get("/feed").body()).doesNotContain(slug);
		assertThat(http.get("/sitemap.xml").body()).doesNotContain(slug);
		assertThat(http.get("/articles/" + slug).status()).as("its own page is there").isEqualTo(200);
	}

	@Test
	void aGuestAsksForRepliesFromTheEmbeddedFormAndGetsTheConfirmation() throws Exception {
		String site = allowedSite();
		String email = "notified" + unique() + "@example.org";
		var posted = from(site).postJson("/embed/v1/comments",
				Map.of("url", site + "/notify/", "title", "Notify me", "author",
						Map.of("name", "Guest", "email", email), "body", "Tell me of replies", "notifyReplies", true));
		assertThat(posted.status()).isEqualTo(201);
		var confirmation = org.veche.support.TestMail.awaitMessage(email, 1);
		assertThat(org.veche.support.TestMail.subject(confirmation)).isEqualTo("Confirm your notifications from Veche");
		assertThat(org.veche.support.TestMail.text(confirmation)).contains("Notify me");
	}

	@Test
	void editorsCannotMakeAnExternalPageThemselves() {
		var refused = http.bearer(tokenFor(org.veche.identity.Role.EDITOR))
			.postJson("/api/v1/articles",
					Map.of("title", "Pretend page", "body", "x", "kind", "external_page", "status", "published"));
		assertThat(refused.status()).isEqualTo(400);
	}

	@Test
	void findOrCreateServesTheImportAndFindsThePageAgain() {
		String url = "https://imported" + unique() + ".example/2019/05/old-post/";
		EmbeddedPage made = pages.findOrCreate(url, "An old post");
		assertThat(pages
			.findOrCreate(url.replace("https://imported", "HTTPS://IMPORTED").replace("old-post/", "old-post"),
					"Another title")
			.id()).isEqualTo(made.id());
		assertThat(pages.find(url + "#comments")).contains(made);
	}

}
