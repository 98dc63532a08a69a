package org.veche.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.veche.identity.Role;
import org.veche.support.BrowserSession;
import org.veche.support.Http;

/**
 * The moderators' queue over plain HTML forms: what each item shows, every action on one
 * comment and in bulk, the counts, the log, and who may see it.
 */
class QueueIT extends ModerationSupport {

	private BrowserSession moderator;

	@BeforeEach
	void holdEveryFirstComment() {
		moderator = session(Role.MODERATOR);
		rules(r -> {
			r.holdFirstComment = true;
			r.floodInterval = java.time.Duration.ZERO;
			return r;
		});
	}

	private Document tab(String tab) {
		var response = moderator.get("/moderation?tab=" + tab);
		assertThat(response.status()).isEqualTo(200);
		return response.html();
	}

	private Element item(String tab, long id) {
		return tab(tab).getElementById("item-" + id);
	}

	private Http.Response decide(long id, String decision, String tab) {
		return submit(moderator, "/moderation?tab=" + tab, "/moderation/comments/" + id + "/decide",
				Map.of("decision", decision, "tab", tab));
	}

	private int count(String tab) {
		return Integer.parseInt(tab("pending").selectFirst(".queue-tabs [data-tab=" + tab + "] .count").text());
	}

	private boolean onArticlePage(String slug, long id) {
		return page(http, "/articles/" + slug).getElementById("comment-" + id) != null;
	}

	@Test
	void anItemShowsItsArticleParentAuthorHistoryAndWhy() {
		String slug = newArticle("Context");
		rules(r -> {
			r.holdFirstComment = false;
			return r;
		});
		String email = newEmail();
		long parent = posted(post(slug, newEmail(), "The parent says hello."), 201);
		posted(post(slug, email, "An earlier approved one."), 201);
		rules(r -> {
			r.holdLinks = 2;
			return r;
		});
		long held = posted(http.from(newAddress())
			.postJson("/api/v1/articles/" + slug + "/comments",
					reply(parent, "Linker", email, "http://a.example and http://b.example")),
				202);
		Element item = item("pending", held);
		assertThat(item).isNotNull();
		assertThat(item.selectFirst(".on-article a").attr("href")).isEqualTo("/articles/" + slug);
		assertThat(item.selectFirst("blockquote.parent").text()).contains("The parent says hello.");
		assertThat(item.selectFirst(".history").text()).isEqualTo("approved 1, spam 0");
		assertThat(item.selectFirst(".email").text()).isEqualTo(email);
		assertThat(item.select(".reasons .reason").eachText()).containsExactly("Has 2 links");
	}

	@Test
	void approvingAHeldCommentPutsItOnTheArticlePageAndIsLogged() {
		String slug = newArticle("Approve");
		long id = posted(post(slug, newEmail(), "Please let me through."), 202);
		assertThat(item("pending", id).select(".reasons .reason").eachText())
			.containsExactly("The author has no approved comment yet");
		int pending = count("pending");
		var done = decide(id, "approve", "pending");
		assertThat(done.status()).isEqualTo(302);
		assertThat(done.header("Location")).contains("tab=pending").contains("done=decided");
		assertThat(onArticlePage(slug, id)).isTrue();
		assertThat(item("pending", id)).isNull();
		assertThat(item("approved", id)).isNotNull();
		assertThat(count("pending")).isEqualTo(pending - 1);
		var row = moderator.get("/moderation/log").html().selectFirst("tr[data-action=approve]");
		assertThat(row.selectFirst(".comment").text()).isEqualTo("#" + id);
		assertThat(row.selectFirst(".detail").text()).isEqualTo("pending \u2192 approved");
	}

	@Test
	void spamNotSpamAndTrashMoveTheCommentBetweenTabs() {
		String slug = newArticle("Tabs");
		long id = posted(post(slug, newEmail(), "Move me around."), 202);
		decide(id, "spam", "pending");
		assertThat(item("spam", id)).isNotNull();
		assertThat(item("spam", id).select("button[data-decision]").eachAttr("data-decision"))
			.containsExactly("not-spam", "trash");
		decide(id, "not-spam", "spam");
		assertThat(onArticlePage(slug, id)).isTrue();
		decide(id, "trash", "approved");
		assertThat(item("trash", id)).isNotNull();
		assertThat(onArticlePage(slug, id)).isFalse();
		decide(id, "abusive", "trash");
		var actions = moderator.get("/moderation/log").html().select("tr").eachAttr("data-action");
		assertThat(actions).contains("spam", "not-spam", "trash", "abusive");
		var unknown = decide(id, "obliterate", "trash");
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.html().selectFirst(".form-error").text()).isEqualTo("Unknown action.");
	}

	@Test
	void bulkActionsDecideEveryCheckedComment() {
		String slug = newArticle("Bulk");
		long a = posted(post(slug, newEmail(), "First of many."), 202);
		long b = posted(post(slug, newEmail(), "Second of many."), 202);
		long c = posted(post(slug, newEmail(), "Left alone."), 202);
		String csrf = BrowserSession.csrfToken(tab("pending"));
		var bulk = moderator.postForm("/moderation/bulk?ids=" + a + "&ids=" + b,
				Map.of("decision", "approve", "tab", "pending", "_csrf", csrf));
		assertThat(bulk.status()).isEqualTo(302);
		assertThat(onArticlePage(slug, a)).isTrue();
		assertThat(onArticlePage(slug, b)).isTrue();
		assertThat(onArticlePage(slug, c)).isFalse();
		var none = submit(moderator, "/moderation", "/moderation/bulk", Map.of("decision", "spam"));
		assertThat(none.status()).isEqualTo(400);
		assertThat(none.html().selectFirst(".form-error").text()).isEqualTo("Select at least one comment first.");
		assertThat(tab("pending").select("input[type=checkbox][form=bulk][name=ids]")).isNotEmpty();
	}

	@Test
	void aModeratorEditsAndRepliesFromTheQueue() {
		String slug = newArticle("Edit and reply");
		long id = posted(post(slug, newEmail(), "Teh typo."), 202);
		var edited = submit(moderator, "/moderation", "/moderation/comments/" + id + "/edit",
				Map.of("body", "The typo, fixed.", "tab", "pending"));
		assertThat(edited.status()).isEqualTo(302);
		assertThat(item("pending", id).selectFirst(".comment-text").text()).isEqualTo("The typo, fixed.");
		var replied = submit(moderator, "/moderation", "/moderation/comments/" + id + "/reply",
				Map.of("body", "Thanks, approved.", "tab", "pending"));
		assertThat(replied.status()).as("%s", replied).isEqualTo(302);
		var articlePage = page(http, "/articles/" + slug);
		Element comment = articlePage.getElementById("comment-" + id);
		assertThat(comment.selectFirst(".comment-text").text()).isEqualTo("The typo, fixed.");
		assertThat(comment.select("ol.children .comment-text").eachText()).containsExactly("Thanks, approved.");
		var empty = submit(moderator, "/moderation", "/moderation/comments/" + id + "/reply", Map.of("body", " "));
		assertThat(empty.status()).isEqualTo(400);
	}

	@Test
	void onlyModeratorsAndAdministratorsSeeTheQueue() {
		assertThat(session(Role.EDITOR).get("/moderation").status()).isEqualTo(403);
		assertThat(session(Role.READER).get("/moderation").status()).isEqualTo(403);
		assertThat(http.get("/moderation").status()).isEqualTo(302);
		assertThat(session(Role.ADMINISTRATOR).get("/moderation").status()).isEqualTo(200);
		assertThat(tab("pending").select("script[src=/js/moderation.js]")).hasSize(1);
	}

}
