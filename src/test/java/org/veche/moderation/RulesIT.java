package org.veche.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.veche.moderation.internal.Reasons;

/**
 * Every discussion rule, as an administrator would set it, on comments posted over HTTP.
 */
class RulesIT extends ModerationSupport {

	@Autowired
	private Reasons reasons;

	private List<String> why(long id) {
		return reasons.of(List.of(id)).getOrDefault(id, List.of()).stream().map(Reason::stored).toList();
	}

	@Test
	void aCommentWithTwoLinksIsHeldAndOneWithOneIsNot() {
		rules(r -> {
			r.holdLinks = 2;
			return r;
		});
		String slug = newArticle("Links");
		posted(post(slug, newEmail(), "One source: https://example.org/a"), 201);
		long held = posted(post(slug, newEmail(), "See https://example.org/a and http://example.net/b"), 202);
		assertThat(why(held)).containsExactly("moderation.reason.links|2");
	}

	@Test
	void aModerationWordHoldsAndADisallowedWordSendsToSpamWhereverItIs() {
		String hold = "zqhold" + unique();
		String ban = "zqban" + unique();
		rules(r -> {
			r.moderationWords = List.of(hold);
			r.disallowedWords = List.of(ban);
			return r;
		});
		String slug = newArticle("Words");
		long held = posted(post(slug, newEmail(), "This has " + hold.toUpperCase() + " inside."), 202);
		assertThat(why(held)).containsExactly("moderation.reason.word|" + hold);
		// in the e-mail, not the text: WordPress looks there too
		long spam = posted(post(slug, ban + "@example.org", "Innocent words."), 202);
		assertThat(why(spam)).containsExactly("moderation.reason.disallowed|" + ban);
		assertThat(spam > held).isTrue();
		var spamTab = session(org.veche.identity.Role.MODERATOR).get("/moderation?tab=spam").html();
		assertThat(spamTab.getElementById("item-" + spam)).isNotNull();
		posted(post(slug, newEmail(), "Nothing listed here."), 201);
	}

	@Test
	void withNameAndEmailNotRequiredAGuestMayPostWithoutThem() {
		String slug = newArticle("Anonymous");
		var refused = http.from(newAddress())
			.postJson("/api/v1/articles/" + slug + "/comments", reply(null, "", "", "Who am I?"));
		assertThat(refused.status()).isEqualTo(400);
		rules(r -> {
			r.nameAndEmailRequired = false;
			return r;
		});
		var anonymous = http.from(newAddress())
			.postJson("/api/v1/articles/" + slug + "/comments", reply(null, "", "", "Nobody knows."));
		assertThat(anonymous.status()).as("%s", anonymous).isEqualTo(201);
		assertThat(anonymous.json().get("author").get("name").asString()).isEqualTo("Anonymous");
		var form = page(http, "/articles/" + slug);
		assertThat(form.selectFirst("#author").hasAttr("required")).isFalse();
	}

	@Test
	void commentsCloseOnArticlesOlderThanTheSetNumberOfDays() {
		var old = http.bearer(editorToken())
			.postJson("/api/v1/articles",
					Map.of("title", "Old news " + unique(), "lead", "l", "body", "b", "tags", List.of(), "status",
							"published", "publishAt", Instant.now().minus(Duration.ofDays(30)).toString()));
		assertThat(old.status()).as("%s", old).isEqualTo(201);
		String slug = old.json().get("slug").asString();
		String fresh = newArticle("Fresh news");
		rules(r -> {
			r.closeAfterDays = 14;
			return r;
		});
		var refused = post(slug, newEmail(), "Too late?");
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.json().get("detail").asString()).isEqualTo("Comments are closed on this article.");
		assertThat(page(http, "/articles/" + slug).selectFirst("#respond").text()).isEqualTo("Comments are closed.");
		posted(post(fresh, newEmail(), "Still open here."), 201);
	}

	@Test
	void theFloodLimitAndTheLongestCommentFollowTheSettings() {
		rules(r -> {
			r.floodInterval = Duration.ofSeconds(300);
			r.maxLength = 20;
			return r;
		});
		String slug = newArticle("Limits");
		var tooLong = post(slug, newEmail(), "This comment is longer than twenty.");
		assertThat(tooLong.status()).isEqualTo(400);
		assertThat(tooLong.json().get("detail").asString()).contains("20");
		String email = newEmail();
		posted(post(slug, email, "Short."), 201);
		var again = post(slug, email, "Again.");
		assertThat(again.status()).isEqualTo(429);
		assertThat(again.json().get("detail").asString()).contains("300 seconds");
	}

	@Test
	void guestsMayCommentIsARuntimeSetting() {
		String slug = newArticle("Guests");
		rules(r -> {
			r.guestsMayComment = false;
			return r;
		});
		assertThat(post(slug, newEmail(), "Let me in.").status()).isEqualTo(401);
		assertThat(page(http, "/articles/" + slug).select("#author")).isEmpty();
		rules(r -> {
			r.guestsMayComment = true;
			return r;
		});
		posted(post(slug, newEmail(), "Now I may."), 201);
	}

	@Test
	void theArticleSwitchClosesOrPreModeratesItsComments() {
		var editor = session(org.veche.identity.Role.EDITOR);
		String slug = newArticle("Switch");
		long id = http.get("/api/v1/articles/" + slug).json().get("id").asLong();
		var edit = editor.get("/editor/articles/" + id).html();
		assertThat(edit.selectFirst("input[name=comments][value=open]").hasAttr("checked")).isTrue();

		switchTo(editor, id, "premoderated");
		long held = posted(post(slug, newEmail(), "Wait for me."), 202);
		assertThat(why(held)).containsExactly("moderation.reason.premoderated");

		switchTo(editor, id, "closed");
		var refused = post(slug, newEmail(), "Closed?");
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.json().get("detail").asString()).isEqualTo("Comments are closed on this article.");
		var form = http.from(newAddress())
			.postForm("/articles/" + slug + "/comments",
					Map.of("author", "A", "email", newEmail(), "comment", "Closed?"));
		assertThat(form.status()).isEqualTo(403);
		assertThat(form.html().text()).contains("Comments are closed on this article.");
		var articlePage = page(http, "/articles/" + slug);
		assertThat(articlePage.selectFirst("#respond").text()).isEqualTo("Comments are closed.");
		assertThat(articlePage.select("form.comment-form")).isEmpty();

		switchTo(editor, id, "open");
		posted(post(slug, newEmail(), "Open again."), 201);
	}

	private void switchTo(org.veche.support.BrowserSession editor, long id, String comments) {
		var edit = editor.get("/editor/articles/" + id).html();
		var fields = new java.util.HashMap<String, String>();
		for (var input : edit.select(
				"form.article-form input[type=text], form.article-form input[type=hidden], form.article-form input[type=url], form.article-form input[type=datetime-local]")) {
			fields.put(input.attr("name"), input.val());
		}
		for (var area : edit.select("form.article-form textarea")) {
			fields.put(area.attr("name"), area.wholeText());
		}
		fields.put("status", "PUBLISHED");
		fields.put("comments", comments);
		fields.put("action", "save");
		var saved = editor.postForm("/editor/articles/" + id, fields);
		assertThat(saved.status()).as("%s", saved).isEqualTo(302);
		assertThat(editor.get("/editor/articles/" + id)
			.html()
			.selectFirst("input[name=comments][value=" + comments + "]")
			.hasAttr("checked")).isTrue();
	}

}
