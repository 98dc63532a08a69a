package org.veche.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.veche.identity.Role;
import org.veche.support.BrowserSession;

/**
 * Editors' picks: a moderator picks a comment with the button on it in the thread or in
 * the queue (plain forms with the CSRF token); the pick leads the thread with its label,
 * is marked in the API and in the comments feed, and is taken back likewise. Nobody else
 * may pick.
 */
class EditorsPicksIT extends ModerationSupport {

	@BeforeEach
	void firstCommentsAreNotHeld() {
		rules(r -> {
			r.holdFirstComment = false;
			return r;
		});
	}

	private static java.util.List<Long> topLevel(Document page) {
		return page.select("div.thread > ol.comment-list > li.comment")
			.stream()
			.map(li -> Long.parseLong(li.attr("data-id")))
			.toList();
	}

	@Test
	void aModeratorPicksACommentInTheThreadAndItLeadsWithItsLabelInTheApiAndTheFeed() {
		String slug = newArticle("Picks");
		long first = posted(post(slug, newEmail(), "The first word"), 201);
		long second = posted(post(slug, newEmail(), "The second word"), 201);
		long third = posted(post(slug, newEmail(), "The best word"), 201);
		assertThat(topLevel(page(http.from(newAddress()), "/articles/" + slug))).containsExactly(first, second, third);

		var moderator = session(Role.MODERATOR);
		var own = Jsoup.parse(moderator.get("/articles/" + slug).body());
		var button = own.selectFirst("#comment-" + third + " form.feature");
		assertThat(button).as("the moderator's button on the comment").isNotNull();
		var fields = new HashMap<String, String>();
		button.select("input[type=hidden]").forEach(i -> fields.put(i.attr("name"), i.attr("value")));
		assertThat(fields).containsKey("_csrf").containsEntry("featured", "true");
		var picked = moderator.postForm(button.attr("action"), fields);
		assertThat(picked.status()).as("%s", picked).isEqualTo(302);
		assertThat(picked.header("Location")).contains("/articles/" + slug).endsWith("#comment-" + third);

		var page = page(http.from(newAddress()), "/articles/" + slug);
		assertThat(topLevel(page)).containsExactly(third, first, second);
		assertThat(page.select("#comment-" + third + " .editors-pick").text()).isEqualTo("Editors’ pick");
		assertThat(page.select(".editors-pick")).hasSize(1);
		assertThat(page.select("form.feature")).as("no moderator's buttons for readers").isEmpty();
		assertThat(topLevel(page(http.from(newAddress()), "/articles/" + slug + "?corder=newest")).get(0))
			.isEqualTo(third);

		var api = http.get("/api/v1/articles/" + slug + "/comments").json().get("comments");
		for (var c : api) {
			assertThat(c.get("featured").asBoolean()).as("featured of %s", c.get("id"))
				.isEqualTo(c.get("id").asLong() == third);
		}

		String feed = http.get("/articles/" + slug + "/feed").body();
		assertThat(feed).contains("Editors’ pick");
		var items = Jsoup.parse(feed, "", org.jsoup.parser.Parser.xmlParser()).select("item");
		assertThat(items.stream().filter(i -> !i.select("category").isEmpty()).map(i -> i.selectFirst("link").text()))
			.containsExactly(http.url("/articles/" + slug + "#comment-" + third));

		// taken back from the queue's Approved tab
		var queue = Jsoup.parse(moderator.get("/moderation?tab=approved").body());
		var unpick = queue.selectFirst("#item-" + third + " form.feature");
		assertThat(unpick).isNotNull();
		var back = new HashMap<String, String>();
		unpick.select("input[type=hidden]").forEach(i -> back.put(i.attr("name"), i.attr("value")));
		assertThat(back).containsEntry("featured", "false");
		var done = moderator.postForm(unpick.attr("action"), back);
		assertThat(done.status()).isEqualTo(302);
		assertThat(done.header("Location")).contains("done=unfeatured");
		var after = page(http.from(newAddress()), "/articles/" + slug);
		assertThat(topLevel(after)).containsExactly(first, second, third);
		assertThat(after.select(".editors-pick")).isEmpty();
	}

	@Test
	void readersCannotPickAndAHeldCommentCannotBePicked() {
		String slug = newArticle("No picks");
		long shown = posted(post(slug, newEmail(), "Shown"), 201);
		var reader = session(Role.READER);
		var page = reader.get("/articles/" + slug);
		var tried = reader.postForm("/moderation/comments/" + shown + "/feature",
				Map.of("featured", "true", "from", "thread", "_csrf", BrowserSession.csrfToken(page.html())));
		assertThat(tried.status()).isEqualTo(403);
		var guest = http.from(newAddress())
			.postForm("/moderation/comments/" + shown + "/feature", Map.of("featured", "true"));
		assertThat(guest.status()).isIn(302, 401, 403);
		assertThat(http.get("/api/v1/articles/" + slug + "/comments")
			.json()
			.get("comments")
			.get(0)
			.get("featured")
			.asBoolean()).isFalse();

		rules(r -> {
			r.holdFirstComment = true;
			return r;
		});
		long held = posted(post(slug, newEmail(), "Held for now"), 202);
		var moderator = session(Role.MODERATOR);
		var refused = submit(moderator, "/moderation", "/moderation/comments/" + held + "/feature",
				Map.of("featured", "true", "tab", "pending"));
		assertThat(refused.status()).isEqualTo(409);
		assertThat(Jsoup.parse(refused.body()).text())
			.contains("Only a comment shown in its thread can be an editors’ pick.");
	}

}
