package org.veche.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.veche.discussion.CommentRecords;
import org.veche.discussion.CommentStatus;
import org.veche.identity.Role;
import org.veche.support.BrowserSession;
import org.veche.support.Http;

/**
 * Transparency for authors (issue 16): the author of a held or removed comment is told
 * why in plain words where they see it, may appeal once (a second appeal is refused), and
 * sees the answer; moderators answer from the appeals queue, and each answer is logged.
 * Nobody else learns anything about the comment.
 */
class AppealsIT extends ModerationSupport {

	private static final String HELD = "veche_held";

	@Autowired
	private CommentRecords records;

	@Autowired
	private org.veche.privacy.DataRequests requests;

	private BrowserSession moderator;

	@BeforeEach
	void rules() {
		moderator = session(Role.MODERATOR);
		rules(r -> {
			r.holdFirstComment = false;
			r.holdLinks = 2;
			r.floodInterval = java.time.Duration.ZERO;
			return r;
		});
	}

	/**
	 * A guest's comment through the form, as a browser posts it: its id and the browser's
	 * signed cookie.
	 */
	private record Posted(long id, Http author) {
	}

	private Posted guestComment(String slug, String name, String email, String text) {
		var response = http.from(newAddress())
			.postForm("/articles/" + slug + "/comments", Map.of("author", name, "email", email, "comment", text));
		assertThat(response.status()).as("%s", response).isEqualTo(302);
		String location = response.header("Location");
		assertThat(location).contains("held=");
		long id = Long.parseLong(location.replaceAll(".*[?&]held=(\\d+).*", "$1"));
		String cookie = response.cookies()
			.stream()
			.filter(c -> c.startsWith(HELD + "="))
			.map(c -> c.substring(0, c.indexOf(';')))
			.findFirst()
			.orElseThrow();
		return new Posted(id, http.with("Cookie", cookie));
	}

	private Http.Response appeal(Http author, long id, String message) {
		return author.postForm("/comments/" + id + "/appeal", Map.of("message", message));
	}

	private Document why(Http author, long id) {
		return page(author, "/comments/" + id + "/why");
	}

	private Http.Response answer(long appealId, String outcome) {
		return submit(moderator, "/moderation/appeals", "/moderation/appeals/" + appealId + "/decide",
				Map.of("outcome", outcome));
	}

	private Element appealCase(long commentId) {
		var response = moderator.get("/moderation/appeals");
		assertThat(response.status()).isEqualTo(200);
		return response.html().selectFirst(".appeal-case[data-comment=" + commentId + "]");
	}

	@Test
	void aGuestIsToldWhyInPlainWordsAppealsOnceAndSeesTheCommentPublishedOnReversal() {
		String slug = newArticle("Appeal reversed");
		var posted = guestComment(slug, "Yaryna Appellant", newEmail(),
				"My sources: https://a.example/1 https://b.example/2 https://c.example/3");

		// where the author sees the held comment, a link to why
		Document article = page(posted.author(), "/articles/" + slug);
		var link = article.getElementById("comment-" + posted.id()).selectFirst("a.why-link");
		assertThat(link).isNotNull();
		assertThat(link.attr("href")).isEqualTo("/comments/" + posted.id() + "/why");

		Document why = why(posted.author(), posted.id());
		assertThat(why.selectFirst(".state").attr("data-state")).isEqualTo("appeal.state.held");
		assertThat(why.select(".plain-reasons li").eachText())
			.containsExactly("It contains 3 links, and comments with that many links are read by a moderator first.");
		// never the moderators' wording or the stored key
		assertThat(why.text()).doesNotContain("Has 3 links").doesNotContain("moderation.reason");
		assertThat(why.getElementById("message")).as("the appeal form").isNotNull();

		// nobody else: not a stranger, not a forged cookie, not another guest's own
		// cookie
		assertThat(http.get("/comments/" + posted.id() + "/why").status()).isEqualTo(404);
		var other = guestComment(slug, "Someone Else", newEmail(),
				"Links https://x.example https://y.example https://z.example");
		assertThat(other.author().get("/comments/" + posted.id() + "/why").status()).isEqualTo(404);
		assertThat(appeal(other.author(), posted.id(), "mine now").status()).isEqualTo(404);
		assertThat(http.with("Cookie", HELD + "=" + posted.id() + ".9999999999.AAAAAAAAAAAAAAAAAAAAAAAA")
			.get("/comments/" + posted.id() + "/why")
			.status()).isEqualTo(404);

		// the appeal
		var sent = appeal(posted.author(), posted.id(), "The links are my sources.");
		assertThat(sent.status()).as("%s", sent).isEqualTo(302);
		assertThat(sent.header("Location")).endsWith("/comments/" + posted.id() + "/why?appealed");
		Document after = page(posted.author(), "/comments/" + posted.id() + "/why?appealed");
		assertThat(after.selectFirst(".notice")).as(after.select("main").html()).isNotNull();
		assertThat(after.selectFirst(".notice").text()).contains("Your appeal was sent");
		assertThat(after.selectFirst("section.appeal").attr("data-appeal")).isEqualTo("open");
		assertThat(after.selectFirst(".appeal-message").text()).isEqualTo("The links are my sources.");
		assertThat(after.getElementById("message")).as("no second form").isNull();

		// a second appeal is refused, with a clear message, and nothing changes
		var again = appeal(posted.author(), posted.id(), "Please, again.");
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.html().selectFirst("[role=alert]").text())
			.isEqualTo("You have already appealed against this decision; a comment can be appealed only once.");
		assertThat(why(posted.author(), posted.id()).selectFirst(".appeal-message").text())
			.isEqualTo("The links are my sources.");

		// the moderators' queue shows the comment, why it was held and the message
		Element item = appealCase(posted.id());
		assertThat(item).isNotNull();
		assertThat(item.selectFirst(".comment-text").text()).contains("My sources:");
		assertThat(item.select(".reasons .reason").eachText()).containsExactly("Has 3 links");
		assertThat(item.selectFirst(".appeal-message").text()).isEqualTo("The links are my sources.");
		long appealId = Long.parseLong(item.attr("data-appeal"));

		var reversed = answer(appealId, "reversed");
		assertThat(reversed.status()).as("%s", reversed).isEqualTo(302);
		assertThat(records.comment(posted.id()).orElseThrow().status()).isEqualTo(CommentStatus.APPROVED);
		assertThat(page(http, "/articles/" + slug).getElementById("comment-" + posted.id())).as("published for all")
			.isNotNull();
		Document told = why(posted.author(), posted.id());
		assertThat(told.selectFirst("section.appeal").attr("data-appeal")).isEqualTo("reversed");
		assertThat(told.selectFirst(".state").attr("data-state")).isEqualTo("appeal.state.published");
		assertThat(told.selectFirst("section.appeal .outcome").text())
			.startsWith("A moderator looked again and published your comment");

		// answered once: a second answer is refused, and the log has the appeal and its
		// answer
		assertThat(answer(appealId, "upheld").status()).isEqualTo(409);
		assertThat(appealCase(posted.id())).as("no longer open").isNull();
		var log = moderator.get("/moderation/log").html();
		assertThat(log.select("tr[data-action=appeal] .comment").eachText()).contains("#" + posted.id());
		assertThat(log.select("tr[data-action=appeal-reversed] .comment").eachText()).contains("#" + posted.id());
		assertThat(log.select("tr[data-action=approve] .comment").eachText()).contains("#" + posted.id());
	}

	@Test
	void aCommentRemovedAsSpamIsSaidSoAndAnUpheldAppealKeepsItOff() {
		String slug = newArticle("Appeal upheld");
		var posted = guestComment(slug, "Bohdan Appellant", newEmail(),
				"Buy now https://shop.example/1 https://shop.example/2 https://shop.example/3");
		var spam = submit(moderator, "/moderation", "/moderation/comments/" + posted.id() + "/decide",
				Map.of("decision", "spam", "tab", "pending"));
		assertThat(spam.status()).isEqualTo(302);

		Document why = why(posted.author(), posted.id());
		assertThat(why.selectFirst(".state").attr("data-state")).isEqualTo("appeal.state.removed");
		assertThat(why.selectFirst(".removal").text()).startsWith("Removed by a moderator as spam");
		// the moderator stays unnamed
		assertThat(why.text()).doesNotContain("MODERATOR ");

		assertThat(appeal(posted.author(), posted.id(), "").status()).as("the message is optional").isEqualTo(302);
		Element item = appealCase(posted.id());
		assertThat(item.selectFirst(".status-then").text()).contains("Spam");
		assertThat(item.selectFirst(".appeal-message").text()).isEqualTo("(no message)");
		assertThat(answer(Long.parseLong(item.attr("data-appeal")), "upheld").status()).isEqualTo(302);

		assertThat(records.comment(posted.id()).orElseThrow().status()).isEqualTo(CommentStatus.SPAM);
		Document told = why(posted.author(), posted.id());
		assertThat(told.selectFirst("section.appeal").attr("data-appeal")).isEqualTo("upheld");
		assertThat(told.selectFirst("section.appeal .outcome").text())
			.startsWith("A moderator looked again and kept the decision");
		var answered = moderator.get("/moderation/appeals?tab=answered").html();
		assertThat(answered.selectFirst(".appeal-case[data-comment=" + posted.id() + "] .outcome").attr("data-outcome"))
			.isEqualTo("upheld");
		assertThat(moderator.get("/moderation/log").html().select("tr[data-action=appeal-upheld] .comment").eachText())
			.contains("#" + posted.id());
	}

	@Test
	void aTrashedCommentIsNotLostWithoutAWordToItsAuthor() {
		String slug = newArticle("Trashed");
		var posted = guestComment(slug, "Trashed Author", newEmail(),
				"Links https://a.example https://b.example https://c.example");
		var trash = submit(moderator, "/moderation", "/moderation/comments/" + posted.id() + "/decide",
				Map.of("decision", "trash", "tab", "pending"));
		assertThat(trash.status()).isEqualTo(302);
		Document article = page(posted.author(), "/articles/" + slug);
		assertThat(article.getElementById("comment-" + posted.id())).as("not shown as a comment").isNull();
		var notice = article.getElementById("removed-" + posted.id());
		assertThat(notice).isNotNull();
		assertThat(notice.selectFirst("a.why-link").attr("href")).isEqualTo("/comments/" + posted.id() + "/why");
		assertThat(page(http, "/articles/" + slug).getElementById("removed-" + posted.id())).as("others see nothing")
			.isNull();
		Document why = why(posted.author(), posted.id());
		assertThat(why.selectFirst(".removal").text()).startsWith("Removed by a moderator:");
		assertThat(why.getElementById("message")).as("the appeal form").isNotNull();
	}

	@Test
	void aSignedInAuthorAppealsByTheirAccountAndOthersCannot() {
		String slug = newArticle("Signed-in appeal");
		var author = session(Role.READER);
		var form = author.get("/articles/" + slug);
		var posted = author.postForm("/articles/" + slug + "/comments",
				Map.of("comment", "Three links: https://a.example https://b.example https://c.example", "_csrf",
						BrowserSession.csrfToken(form.html())));
		assertThat(posted.status()).isEqualTo(302);
		long id = Long.parseLong(posted.header("Location").replaceAll(".*[?&]held=(\\d+).*", "$1"));

		var why = author.get("/comments/" + id + "/why");
		assertThat(why.status()).isEqualTo(200);
		var sent = author.postForm("/comments/" + id + "/appeal",
				Map.of("message", "Please look again.", "_csrf", BrowserSession.csrfToken(why.html())));
		assertThat(sent.status()).isEqualTo(302);
		assertThat(author.get("/comments/" + id + "/why").html().selectFirst("section.appeal").attr("data-appeal"))
			.isEqualTo("open");

		var stranger = session(Role.READER);
		assertThat(stranger.get("/comments/" + id + "/why").status()).isEqualTo(404);
		// the appeals queue is the moderators'
		assertThat(stranger.get("/moderation/appeals").status()).isEqualTo(403);
		assertThat(http.get("/moderation/appeals").status()).isEqualTo(302);
	}

	@Test
	void moderatorsToolsAnswerAppealsThroughTheApiWithProblemsForBadInput() {
		String slug = newArticle("Appeal API");
		var posted = guestComment(slug, "Api Appellant", newEmail(),
				"Links https://a.example https://b.example https://c.example");
		assertThat(appeal(posted.author(), posted.id(), "Over the API, please.").status()).isEqualTo(302);
		Http api = http.bearer(tokenFor(Role.MODERATOR));

		var list = api.get("/api/v1/moderation/appeals");
		assertThat(list.status()).isEqualTo(200);
		var item = java.util.stream.StreamSupport.stream(list.json().get("items").spliterator(), false)
			.filter(i -> i.get("commentId").asLong() == posted.id())
			.findFirst()
			.orElseThrow();
		assertThat(item.get("message").asString()).isEqualTo("Over the API, please.");
		assertThat(item.get("statusThen").asString()).isEqualTo("pending");
		long appealId = item.get("id").asLong();

		var bad = api.postJson("/api/v1/moderation/appeals/" + appealId + "/decision", Map.of("outcome", "maybe"));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.header("Content-Type")).startsWith("application/problem+json");
		assertThat(api.get("/api/v1/moderation/appeals?state=whatever").status()).isEqualTo(400);

		var reversed = api.postJson("/api/v1/moderation/appeals/" + appealId + "/decision",
				Map.of("outcome", "reversed"));
		assertThat(reversed.status()).as("%s", reversed).isEqualTo(200);
		assertThat(reversed.json().get("outcome").asString()).isEqualTo("reversed");
		assertThat(reversed.json().get("status").asString()).isEqualTo("approved");
		var twice = api.postJson("/api/v1/moderation/appeals/" + appealId + "/decision", Map.of("outcome", "upheld"));
		assertThat(twice.status()).isEqualTo(409);
		assertThat(twice.header("Content-Type")).startsWith("application/problem+json");
		assertThat(api.postJson("/api/v1/moderation/appeals/999999999/decision", Map.of("outcome", "upheld")).status())
			.isEqualTo(404);
		assertThat(http.bearer(tokenFor(Role.READER)).get("/api/v1/moderation/appeals").status()).isEqualTo(403);
	}

	@Test
	void anAppealIsInItsAuthorsDataCopyAndErasureForgetsIt() {
		String slug = newArticle("Appeal data");
		String email = newEmail();
		var posted = guestComment(slug, "Data Appellant", email,
				"Links https://a.example https://b.example https://c.example");
		assertThat(appeal(posted.author(), posted.id(), "Mine, and personal.").status()).isEqualTo(302);
		var person = org.veche.privacy.Person.guest(email);

		var copy = requests.export(person, org.veche.privacy.DataRequests.Channel.ADMINISTRATOR);
		assertThat(copy.get("appeals")).asList().singleElement().asString().contains("Mine, and personal.");

		var done = requests.erase(person, org.veche.privacy.DataRequests.Channel.ADMINISTRATOR);
		assertThat(done).containsEntry("appeals.forgotten", 1);
		assertThat(requests.export(person, org.veche.privacy.DataRequests.Channel.ADMINISTRATOR).get("appeals"))
			.asList()
			.isEmpty();
		// the appeal itself stays for the log and the monthly counts, without its message
		var item = moderator.get("/moderation/appeals")
			.html()
			.selectFirst(".appeal-case[data-comment=" + posted.id() + "]");
		assertThat(item).isNotNull();
		assertThat(item.selectFirst(".appeal-message").text()).isEqualTo("(no message)");
	}

	@Test
	void aTooLongMessageGetsTheFormBackWithWhatWasTyped() {
		String slug = newArticle("Long appeal");
		var posted = guestComment(slug, "Verbose", newEmail(),
				"Links https://a.example https://b.example https://c.example");
		String text = "word ".repeat(300);
		var refused = appeal(posted.author(), posted.id(), text);
		assertThat(refused.status()).isEqualTo(400);
		Document page = refused.html();
		assertThat(page.selectFirst("[role=alert]").text())
			.isEqualTo("Please keep the message under 1,000 characters.");
		assertThat(page.getElementById("message").text()).isEqualTo(text.strip());
		assertThat(why(posted.author(), posted.id()).selectFirst("section.appeal")).as("nothing was filed").isNull();
		List<String> none = why(posted.author(), posted.id()).select(".appeal-message").eachText();
		assertThat(none).isEmpty();
	}

}
