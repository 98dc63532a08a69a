package org.veche.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.veche.identity.Role;
import org.veche.support.BrowserSession;
import org.veche.support.Http;

/**
 * A reader edits and deletes their own comment within the window, with plain forms: a
 * guest through the signed cookie of their own comments, a member through their account;
 * nobody else, and nobody after the window. An edit is screened again, and moderators see
 * the earlier texts.
 */
class OwnCommentEditsIT extends ModerationSupport {

	private static final Pattern POSTED = Pattern.compile("posted=(\\d+)");

	@BeforeEach
	void firstCommentsAreNotHeld() {
		rules(r -> {
			r.holdFirstComment = false;
			r.floodInterval = Duration.ZERO;
			r.editWindow = Duration.ofMinutes(10);
			return r;
		});
	}

	/**
	 * A guest's browser (its own address, so that the flood limit is its own) that posts
	 * through the form.
	 */
	private BrowserSession guest() {
		return new BrowserSession(http.from(newAddress()));
	}

	private long postAsGuest(BrowserSession guest, String slug, String body, String parent) {
		var response = guest.postForm("/articles/" + slug + "/comments",
				Map.of("author", "Guest " + unique(), "email", newEmail(), "comment", body, "comment_parent", parent));
		assertThat(response.status()).as("%s", response).isEqualTo(302);
		var matcher = POSTED.matcher(response.header("Location"));
		assertThat(matcher.find()).as("Location %s", response.header("Location")).isTrue();
		return Long.parseLong(matcher.group(1));
	}

	private static Document html(Http.Response response) {
		return Jsoup.parse(response.body());
	}

	@Test
	void aGuestEditsTheirCommentWhichIsMarkedEditedOnThePageAndInTheApi() {
		String slug = newArticle("Guest edits");
		var guest = guest();
		long id = postAsGuest(guest, slug, "Teh first text", "");
		assertThat(guest.hasCookie("veche_held")).as("the signed cookie of the guest's own comments").isTrue();

		var own = html(guest.get("/articles/" + slug));
		assertThat(own.select("#comment-" + id + " a.edit-link").attr("href")).isEqualTo("/comments/" + id + "/edit");
		var stranger = page(http.from(newAddress()), "/articles/" + slug);
		assertThat(stranger.select("#comment-" + id + " a.edit-link")).as("no Edit link for others").isEmpty();

		var form = guest.get("/comments/" + id + "/edit");
		assertThat(form.status()).isEqualTo(200);
		assertThat(html(form).selectFirst("textarea[name=comment]").text()).isEqualTo("Teh first text");

		var saved = guest.postForm("/comments/" + id + "/edit", Map.of("comment", "The *first* text"));
		assertThat(saved.status()).as("%s", saved).isEqualTo(302);
		assertThat(saved.header("Location")).contains("#comment-" + id);

		var after = page(http.from(newAddress()), "/articles/" + slug);
		var comment = after.getElementById("comment-" + id);
		assertThat(comment.selectFirst(".comment-text em").text()).isEqualTo("first");
		assertThat(comment.select(".comment-edited")).hasSize(1);

		var api = http.get("/api/v1/articles/" + slug + "/comments").json().get("comments").get(0);
		assertThat(api.get("id").asLong()).isEqualTo(id);
		assertThat(api.get("edited").asBoolean()).isTrue();
		assertThat(api.hasNonNull("editedAt")).isTrue();
	}

	@Test
	void someoneElseOrAfterTheWindowGetsForbiddenAndTheTextStays() {
		String slug = newArticle("Not yours");
		var author = guest();
		long id = postAsGuest(author, slug, "Mine alone", "");

		var stranger = guest();
		var refused = stranger.postForm("/comments/" + id + "/edit", Map.of("comment", "Hijacked"));
		assertThat(refused.status()).isEqualTo(403);
		assertThat(html(refused).selectFirst(".form-error").text()).isNotBlank();
		assertThat(stranger.postForm("/comments/" + id + "/delete", Map.of()).status()).isEqualTo(403);

		// a forged cookie names the comment but its signature does not hold
		var forger = new BrowserSession(
				http.from(newAddress()).with("Cookie", "veche_held=" + id + ".9999999999.AAAAAAAAAAAAAAAAAAAAAAAA"));
		assertThat(forger.postForm("/comments/" + id + "/edit", Map.of("comment", "Forged")).status()).isEqualTo(403);

		rules(r -> {
			r.editWindow = Duration.ZERO;
			return r;
		});
		var late = author.postForm("/comments/" + id + "/edit", Map.of("comment", "Too late"));
		assertThat(late.status()).isEqualTo(403);
		assertThat(author.get("/comments/" + id + "/edit").status()).isEqualTo(403);
		assertThat(html(author.get("/articles/" + slug)).select("a.edit-link")).isEmpty();

		var text = page(http.from(newAddress()), "/articles/" + slug).getElementById("comment-" + id);
		assertThat(text.selectFirst(".comment-text").text()).isEqualTo("Mine alone");
		assertThat(text.select(".comment-edited")).isEmpty();
	}

	@Test
	void anEditIsScreenedAgainAndModeratorsSeeTheEarlierText() {
		String slug = newArticle("Smuggled");
		String word = "zqxsmuggle" + unique();
		rules(r -> {
			r.moderationWords = java.util.List.of(word);
			return r;
		});
		var guest = guest();
		long id = postAsGuest(guest, slug, "An innocent remark", "");

		var edited = guest.postForm("/comments/" + id + "/edit", Map.of("comment", "Now with " + word));
		assertThat(edited.status()).isEqualTo(302);
		assertThat(edited.header("Location")).contains("held=" + id);
		var thread = page(http.from(newAddress()), "/articles/" + slug);
		assertThat(thread.getElementById("comment-" + id)).as("held again, off the page").isNull();

		var moderator = session(Role.MODERATOR);
		var queue = html(moderator.get("/moderation?tab=pending"));
		var item = queue.getElementById("item-" + id);
		assertThat(item).as("the edited comment in the queue").isNotNull();
		assertThat(item.selectFirst(".comment-text").text()).isEqualTo("Now with " + word);
		assertThat(item.select("details.revisions .revision-text").eachText()).containsExactly("An innocent remark");
	}

	@Test
	void aDeletedCommentWithRepliesKeepsItsPlaceAndOneWithoutGoes() {
		String slug = newArticle("Deleted");
		var guest = guest();
		long answered = postAsGuest(guest, slug, "Answer me", "");
		long reply = postAsGuest(guest(), slug, "An answer", String.valueOf(answered));
		long lonely = postAsGuest(guest, slug, "Nobody answers this", "");

		assertThat(guest.postForm("/comments/" + answered + "/delete", Map.of()).status()).isEqualTo(302);
		assertThat(guest.postForm("/comments/" + lonely + "/delete", Map.of()).status()).isEqualTo(302);

		var page = page(http.from(newAddress()), "/articles/" + slug);
		var kept = page.getElementById("comment-" + answered);
		assertThat(kept.selectFirst(".comment-deleted").text()).isNotBlank();
		assertThat(kept.text()).doesNotContain("Answer me");
		assertThat(kept.selectFirst("article.comment-body").select("form.like")).as("no Like on a deleted comment")
			.isEmpty();
		assertThat(page.select("#comment-" + answered + " #comment-" + reply)).as("the reply stays in place")
			.hasSize(1);
		assertThat(page.getElementById("comment-" + lonely)).isNull();

		var api = http.get("/api/v1/articles/" + slug + "/comments").json().get("comments");
		assertThat(api.get(0).get("deleted").asBoolean()).isTrue();
		assertThat(api.get(0).get("html").asString()).isEmpty();
		assertThat(guest.postForm("/comments/" + answered + "/edit", Map.of("comment", "Back")).status())
			.as("a deleted comment cannot come back")
			.isEqualTo(403);
	}

	@Test
	void aMemberEditsTheirOwnCommentWithTheFormAndItsToken() {
		String slug = newArticle("Member edits");
		var member = session(Role.READER);
		var articlePage = member.get("/articles/" + slug);
		var posted = member.postForm("/articles/" + slug + "/comments",
				Map.of("comment", "A member speaks", "_csrf", BrowserSession.csrfToken(articlePage.html())));
		assertThat(posted.status()).as("%s", posted).isEqualTo(302);
		var matcher = POSTED.matcher(posted.header("Location"));
		assertThat(matcher.find()).isTrue();
		long id = Long.parseLong(matcher.group(1));

		var noToken = member.postForm("/comments/" + id + "/edit", Map.of("comment", "Without a token"));
		assertThat(noToken.status()).as("a session needs its CSRF token").isEqualTo(403);
		var saved = submit(member, "/comments/" + id + "/edit", "/comments/" + id + "/edit",
				Map.of("comment", "A member speaks, corrected"));
		assertThat(saved.status()).as("%s", saved).isEqualTo(302);
		assertThat(page(http, "/articles/" + slug).getElementById("comment-" + id).selectFirst(".comment-text").text())
			.isEqualTo("A member speaks, corrected");
	}

}
