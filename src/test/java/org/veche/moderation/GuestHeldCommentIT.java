package org.veche.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.veche.discussion.CommentStatus;
import org.veche.discussion.Discussions;
import org.veche.support.Http;

/**
 * A guest whose comment is held keeps seeing it, marked as awaiting moderation, through a
 * signed short-lived cookie (issue 15): no Like button on it, the heading counts it for
 * its author alone, a forged cookie shows nothing, and "Save my name, e-mail and website"
 * keeps the form filled only when ticked. Both cookies are on the privacy page, and both
 * take the page past the guests' page cache.
 */
class GuestHeldCommentIT extends ModerationSupport {

	@Autowired
	private Discussions discussions;

	private static final String HELD = "veche_held";

	private static final String COMMENTER = "veche_commenter";

	private static String cookieValue(Http.Response response, String name) {
		return response.cookies()
			.stream()
			.filter(c -> c.startsWith(name + "="))
			.map(c -> c.substring(name.length() + 1, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
			.findFirst()
			.orElse(null);
	}

	private static String setCookie(Http.Response response, String name) {
		return response.cookies().stream().filter(c -> c.startsWith(name + "=")).findFirst().orElse(null);
	}

	@Test
	void theAuthorOfAHeldCommentKeepsSeeingItAndOthersDoNot() {
		rules(r -> {
			r.holdFirstComment = true;
			r.floodInterval = java.time.Duration.ZERO;
			return r;
		});
		String slug = newArticle("Held and kept");
		String path = "/articles/" + slug;
		// a guest's copy of the page is kept before the comment
		assertThat(page(http, path).getElementById("comments-title").text()).isEqualTo("No comments yet");

		String email = newEmail();
		var posted = http.from(newAddress())
			.postForm(path + "/comments", Map.of("author", "Olena", "email", email, "url", "https://olena.example.org",
					"comment", "Held, and still mine to see.", "remember_me", "true"));
		assertThat(posted.status()).as("%s", posted).isEqualTo(302);
		String location = posted.header("Location");
		long id = Long.parseLong(location.replaceAll(".*[?&]held=(\\d+).*", "$1"));
		String held = cookieValue(posted, HELD);
		assertThat(held).as("Set-Cookie %s", posted.cookies()).isNotBlank();
		assertThat(setCookie(posted, HELD)).containsIgnoringCase("HttpOnly")
			.containsIgnoringCase("SameSite=Lax")
			.contains("Max-Age=86400");

		// the author, on a plain reload
		Http author = http.with("Cookie", HELD + "=" + held);
		Document mine = page(author, path);
		var li = mine.getElementById("comment-" + id);
		assertThat(li).as("the held comment on its author's page").isNotNull();
		assertThat(li.text()).contains("Held, and still mine to see.").contains("Your comment is awaiting moderation.");
		assertThat(li.select("form.like")).as("no Like button on a held comment").isEmpty();
		assertThat(li.select(".likes")).isEmpty();
		assertThat(mine.getElementById("comments-title").text()).isEqualTo("1 comment");

		// everyone else: nothing, and the counts of approved comments are unchanged
		Document theirs = page(http, path);
		assertThat(theirs.getElementById("comment-" + id)).isNull();
		assertThat(theirs.getElementById("comments-title").text()).isEqualTo("No comments yet");
		assertThat(http.get("/api/v1/articles/" + slug + "/comments").json().get("total").asInt()).isZero();

		// a cookie naming another id, or with a broken signature, shows nothing
		String[] parts = held.split("\\.");
		for (String forged : new String[] { (id + 1) + "." + parts[1] + "." + parts[2],
				parts[0] + "." + parts[1] + ".AAAAAAAAAAAAAAAAAAAAAAAA", "garbage" }) {
			Document page = page(http.with("Cookie", HELD + "=" + forged), path);
			assertThat(page.getElementById("comment-" + id)).as(forged).isNull();
			assertThat(page.getElementById("comments-title").text()).isEqualTo("No comments yet");
		}

		// once approved it is in the thread for everyone, counted once for its author
		assertThat(discussions.changeStatus(id, CommentStatus.APPROVED)).isPresent();
		Document after = page(author, path);
		assertThat(after.getElementById("comments-title").text()).isEqualTo("1 comment");
		assertThat(after.select("#comment-" + id)).hasSize(1);
		assertThat(after.getElementById("comment-" + id).select("form.like")).hasSize(1);
		assertThat(page(http, path).getElementById("comments-title").text()).isEqualTo("1 comment");
	}

	@Test
	void withScriptTheHeadingCountsTheAuthorsHeldComment() {
		rules(r -> {
			r.holdFirstComment = true;
			r.floodInterval = java.time.Duration.ZERO;
			return r;
		});
		String slug = newArticle("Held with script");
		var response = http.from(newAddress())
			.with("Accept", "application/json")
			.postForm("/articles/" + slug + "/comments",
					Map.of("author", "Taras", "email", newEmail(), "comment", "Counted for me."));
		assertThat(response.status()).isEqualTo(202);
		assertThat(response.json().get("heading").asString()).isEqualTo("1 comment");
		assertThat(cookieValue(response, HELD)).isNotBlank();
		assertThat(page(http, "/articles/" + slug).getElementById("comments-title").text())
			.isEqualTo("No comments yet");
	}

	@Test
	void nameEmailAndWebsiteAreKeptOnlyWhenTheGuestTicksTheBox() {
		rules(r -> {
			r.holdFirstComment = false;
			r.floodInterval = java.time.Duration.ZERO;
			return r;
		});
		String slug = newArticle("Remember me");
		String path = "/articles/" + slug;
		Document blank = page(http, path);
		assertThat(blank.getElementById("remember_me")).as("the box is offered").isNotNull();
		assertThat(blank.getElementById("remember_me").hasAttr("checked")).as("off by default").isFalse();

		var notTicked = http.from(newAddress())
			.postForm(path + "/comments", Map.of("author", "Petro", "email", newEmail(), "comment", "Forget me."));
		assertThat(notTicked.status()).isEqualTo(302);
		assertThat(cookieValue(notTicked, COMMENTER)).as("nothing kept unless asked").isNull();

		String email = newEmail();
		var ticked = http.from(newAddress())
			.postForm(path + "/comments", Map.of("author", "Мирослава", "email", email, "url",
					"https://myroslava.example.org", "comment", "Remember me.", "remember_me", "true"));
		assertThat(ticked.status()).isEqualTo(302);
		String kept = cookieValue(ticked, COMMENTER);
		assertThat(kept).isNotBlank();
		assertThat(setCookie(ticked, COMMENTER)).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax");

		Document filled = page(http.with("Cookie", COMMENTER + "=" + kept), path);
		assertThat(filled.getElementById("author").val()).isEqualTo("Мирослава");
		assertThat(filled.getElementById("email").val()).isEqualTo(email);
		assertThat(filled.getElementById("url").val()).isEqualTo("https://myroslava.example.org");
		assertThat(filled.getElementById("remember_me").hasAttr("checked")).isTrue();
		// the kept guest page of the article is not theirs, nor theirs anybody else's
		assertThat(page(http, path).getElementById("author").val()).isEmpty();

		var untick = http.from(newAddress())
			.with("Cookie", COMMENTER + "=" + kept)
			.postForm(path + "/comments", Map.of("author", "Мирослава", "email", email, "comment", "Now forget me."));
		assertThat(untick.status()).isEqualTo(302);
		assertThat(setCookie(untick, COMMENTER)).as("unticking removes it").contains("Max-Age=0");
	}

	@Test
	void thePrivacyPageListsBothCookies() {
		String privacy = http.get("/privacy").body();
		assertThat(privacy).contains(HELD)
			.contains(COMMENTER)
			.contains("the comments you wrote as a guest")
			.contains("Save my name, e-mail and website in this browser");
	}

}
