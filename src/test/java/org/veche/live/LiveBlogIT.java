package org.veche.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.veche.identity.Account;
import org.veche.identity.NewAccount;
import org.veche.identity.Role;
import org.veche.support.BrowserSession;
import org.veche.support.Http;
import org.veche.support.IntegrationTest;

/**
 * An editor runs a live blog from the editor: updates reach open pages over the stream at
 * once and are on the page for readers without JavaScript; only editors may post, and a
 * bad update is shown again, not stored.
 */
class LiveBlogIT extends IntegrationTest {

	private static final Duration WAIT = Duration.ofSeconds(5);

	private record Desk(BrowserSession session, long articleId, String slug) {

		String csrf(String path) {
			return BrowserSession.csrfToken(session.get(path).html());
		}

		Http.Response post(String path, Map<String, String> fields) {
			var withToken = new java.util.HashMap<>(fields);
			withToken.put("_csrf", csrf("/editor/articles/" + articleId + "/live"));
			return session.postForm(path, withToken);
		}

	}

	private Desk editorWithArticle(Role role) {
		String email = "live-editor" + unique() + "@example.org";
		String password = "correct horse battery " + unique();
		Account account = identity
			.createAccount(new NewAccount(email, password, "Live " + role + " " + unique(), role));
		String editorToken = role == Role.EDITOR ? identity.createToken(account.id(), "live") : tokenFor(Role.EDITOR);
		var created = http.bearer(editorToken)
			.postJson("/api/v1/articles", Map.of("title", "Protest, live " + unique(), "lead", "As it happens", "body",
					"Background", "status", "published"));
		assertThat(created.status()).isEqualTo(201);
		return new Desk(BrowserSession.signIn(http, email, password), created.json().get("id").asLong(),
				created.json().get("slug").asString());
	}

	@Test
	void anUpdateReachesOpenPagesAtOnceAndIsOnThePageWithoutScript() throws Exception {
		Desk desk = editorWithArticle(Role.EDITOR);
		String live = "/editor/articles/" + desk.articleId() + "/live";
		assertThat(desk.session().get(live).html().select("button[value=start]")).hasSize(1);
		assertThat(http.get("/articles/" + desk.slug()).html().selectFirst("section.live-blog").hasAttr("hidden"))
			.isTrue();

		assertThat(desk.post(live, Map.of("action", "start")).status()).isEqualTo(302);
		var since = http.get("/articles/" + desk.slug()).html().selectFirst("div.thread").attr("data-live-since");
		try (EventStream stream = EventStream.open(http.url("/live/articles/" + desk.articleId() + "?since=" + since),
				Map.of())) {
			var posted = desk.post(live + "/updates",
					Map.of("text", "Police **block** the bridge <script>alert(1)</script>"));
			assertThat(posted.status()).isEqualTo(302);
			var update = stream.next("update", WAIT).json();
			String html = update.get("html").asString();
			assertThat(html).contains("<strong>block</strong>").contains("<time datetime=").doesNotContain("<script");

			var page = http.get("/articles/" + desk.slug()).html();
			var blog = page.selectFirst("section.live-blog");
			assertThat(blog.hasAttr("hidden")).isFalse();
			assertThat(blog.select(".live-badge")).hasSize(1);
			assertThat(blog.select("ol.live-updates > li.live-update")).hasSize(1);
			assertThat(blog.selectFirst("#update-" + update.get("id").asLong() + " .live-update-text").text())
				.startsWith("Police block the bridge");
			// at the top: before the article's body
			assertThat(page.html().indexOf("live-blog")).isLessThan(page.html().indexOf("story-body"));

			var second = desk.post(live + "/updates", Map.of("text", "Second update"));
			assertThat(second.status()).isEqualTo(302);
			long secondId = stream.next("update", WAIT).json().get("id").asLong();
			var ids = http.get("/articles/" + desk.slug()).html().select("ol.live-updates > li").eachAttr("id");
			assertThat(ids).containsExactly("update-" + secondId, "update-" + update.get("id").asLong());

			assertThat(desk.post(live + "/updates/" + secondId + "/remove", Map.of()).status()).isEqualTo(302);
			assertThat(stream.next("update-removed", WAIT).json().get("id").asLong()).isEqualTo(secondId);
			assertThat(http.get("/articles/" + desk.slug()).html().select("#update-" + secondId)).isEmpty();
		}

		assertThat(desk.post(live, Map.of("action", "end")).status()).isEqualTo(302);
		var ended = http.get("/articles/" + desk.slug()).html().selectFirst("section.live-blog");
		assertThat(ended.select(".live-badge")).isEmpty();
		assertThat(ended.select(".live-ended")).hasSize(1);
		assertThat(ended.select("li.live-update")).hasSize(1);
	}

	@Test
	void aBadUpdateIsShownAgainAndAnUpdateNeedsARunningBlog() {
		Desk desk = editorWithArticle(Role.EDITOR);
		String live = "/editor/articles/" + desk.articleId() + "/live";
		var off = desk.post(live + "/updates", Map.of("text", "Too early"));
		assertThat(off.status()).isEqualTo(422);
		assertThat(off.html().selectFirst(".form-error").text()).contains("Start the live blog");

		desk.post(live, Map.of("action", "start"));
		var empty = desk.post(live + "/updates", Map.of("text", "   "));
		assertThat(empty.status()).isEqualTo(422);
		assertThat(empty.html().selectFirst(".form-error").text()).isNotBlank();
		String longText = "x".repeat(2_001);
		var tooLong = desk.post(live + "/updates", Map.of("text", longText));
		assertThat(tooLong.status()).isEqualTo(422);
		assertThat(tooLong.html().selectFirst("textarea[name=text]").text()).isEqualTo(longText);
		assertThat(http.get("/articles/" + desk.slug()).html().select("li.live-update")).isEmpty();
	}

	@Test
	void onlyEditorsRunALiveBlog() {
		Desk author = editorWithArticle(Role.AUTHOR);
		assertThat(author.session().get("/editor/articles/" + author.articleId() + "/live").status()).isEqualTo(403);
		var anonymous = http.get("/editor/articles/" + author.articleId() + "/live");
		assertThat(anonymous.status()).isIn(302, 401);
	}

}
