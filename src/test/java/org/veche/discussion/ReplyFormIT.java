package org.veche.discussion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.veche.support.Http;

/**
 * The "Leave a reply" form as a browser without JavaScript posts it, and as the script
 * posts it asking for JSON.
 */
class ReplyFormIT extends DiscussionSupport {

	private static Map<String, String> fields(String author, String email, String url, String comment, String parent) {
		var fields = new LinkedHashMap<String, String>();
		fields.put("author", author);
		fields.put("email", email);
		fields.put("url", url);
		fields.put("comment", comment);
		fields.put("comment_parent", parent);
		return fields;
	}

	private Http.Response submit(String slug, Map<String, String> fields) {
		return http.from(newAddress()).postForm("/articles/" + slug + "/comments", fields);
	}

	@Test
	void postingTheFormRedirectsToTheNewCommentAtItsAnchor() {
		String slug = newArticle("Form post");
		var response = submit(slug, fields("Form Reader", newEmail(), "", "Posted **without** a script", ""));

		assertThat(response.status()).as(response.toString()).isEqualTo(302);
		String location = response.header("Location");
		var matcher = Pattern
			.compile("(?:https?://[^/]+)?/articles/" + Pattern.quote(slug) + "\\?cpage=1&posted=(\\d+)#comment-(\\d+)")
			.matcher(location);
		assertThat(matcher.matches()).as("Location %s", location).isTrue();
		assertThat(matcher.group(1)).isEqualTo(matcher.group(2));
		long id = Long.parseLong(matcher.group(1));

		Document page = page(pathAndQuery(location));
		var comment = commentElement(page, id);
		assertThat(comment).as("the comment at #comment-%d", id).isNotNull();
		assertThat(comment.selectFirst(".comment-author").text()).isEqualTo("Form Reader");
		assertThat(comment.selectFirst(".comment-text strong").text()).isEqualTo("without");
		assertThat(page.selectFirst("div.thread").attr("data-posted")).isEqualTo(String.valueOf(id));
		assertThat(total(slug)).isEqualTo(1);
	}

	@Test
	void aReplyThroughTheFormLandsUnderItsParent() {
		String slug = newArticle("Form reply");
		long parent = comment(slug, null, "Asker", "Who knows?");
		var response = submit(slug,
				fields("Answerer", newEmail(), "https://answers.example.org", "I do.", String.valueOf(parent)));
		assertThat(response.status()).as(response.toString()).isEqualTo(302);

		Document page = page(pathAndQuery(response.header("Location")));
		var nested = page.select("#comment-" + parent + " > ol.children > li.comment");
		assertThat(nested).hasSize(1);
		assertThat(nested.first().selectFirst(".comment-author").text()).isEqualTo("Answerer");
		assertThat(nested.first().selectFirst("a.comment-author").attr("href"))
			.isEqualTo("https://answers.example.org");
	}

	@Test
	void aRefusedPostAnswersTheFormAgainWithTheReasonAndTheTypedValues() {
		String slug = newArticle("Form refused");
		long parent = comment(slug, null, "Parent", "Reply to me");
		var response = submit(slug, fields("Forgetful", "", "https://forgetful.example.org",
				"I forgot my <e-mail> & more", String.valueOf(parent)));

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.header("Content-Type")).startsWith("text/html");
		Document form = response.html();
		var error = form.selectFirst("#respond .form-error");
		assertThat(error.hasAttr("hidden")).isFalse();
		assertThat(error.text()).isEqualTo("Please give your e-mail address. It will not be shown.");
		assertThat(form.selectFirst("input#author").val()).isEqualTo("Forgetful");
		assertThat(form.selectFirst("input#email").val()).isEmpty();
		assertThat(form.selectFirst("input#url").val()).isEqualTo("https://forgetful.example.org");
		assertThat(form.selectFirst("textarea#comment").wholeText()).isEqualTo("I forgot my <e-mail> & more");
		assertThat(form.selectFirst("input[name=comment_parent]").val()).isEqualTo(String.valueOf(parent));
		assertThat(form.selectFirst("form.comment-form").attr("action")).isEqualTo("/articles/" + slug + "/comments");
		assertThat(total(slug)).isEqualTo(1);
	}

	@Test
	void eachRefusalReasonIsShownInTheForm() {
		String slug = newArticle("Form reasons");
		Map<String, Map<String, String>> cases = Map.of("Please give your name.",
				fields(" ", newEmail(), "", "Body", ""), "That e-mail address does not look right.",
				fields("Ada", "nope", "", "Body", ""), "The website must be an http or https address.",
				fields("Ada", newEmail(), "javascript:alert(1)", "Body", ""), "Please write a comment.",
				fields("Ada", newEmail(), "", "   ", ""), "Your comment is too long: at most 10,000 characters.",
				fields("Ada", newEmail(), "", "z".repeat(10_001), ""),
				"The text contains control characters that cannot be stored.",
				fields("Ada", newEmail(), "", "a\u0000b", ""), "The comment you are replying to is not available.",
				fields("Ada", newEmail(), "", "Body", "not-a-number"));
		cases.forEach((reason, fields) -> {
			var response = submit(slug, fields);
			assertThat(response.status()).as(reason).isEqualTo(400);
			assertThat(response.header("Content-Type")).as(reason).startsWith("text/html");
			assertThat(response.html().selectFirst("#respond .form-error").text()).isEqualTo(reason);
		});
		assertThat(total(slug)).isZero();
	}

	@Test
	void withAcceptJsonTheFormAnswers201WithTheRenderedComment() {
		String slug = newArticle("Form json");
		long parent = comment(slug, null, "Parent", "Top");
		var response = http.from(newAddress())
			.with("Accept", "application/json")
			.postForm("/articles/" + slug + "/comments",
					fields("Scripted", newEmail(), "", "Inserted _in place_", String.valueOf(parent)));

		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		assertThat(response.header("Content-Type")).startsWith("application/json");
		var json = response.json();
		long id = json.get("id").asLong();
		assertThat(json.get("parentId").asLong()).isEqualTo(parent);
		assertThat(json.get("status").asString()).isEqualTo("approved");
		var fragment = Jsoup.parseBodyFragment(json.get("html").asString());
		var li = fragment.selectFirst("li#comment-" + id);
		assertThat(li).isNotNull();
		assertThat(li.selectFirst(".comment-author").text()).isEqualTo("Scripted");
		assertThat(li.selectFirst(".comment-text em").text()).isEqualTo("in place");
		assertThat(response.body()).doesNotContain("@example.org");

		var page = page("/articles/" + slug);
		assertThat(page.select("#comment-" + parent + " > ol.children > li#comment-" + id)).hasSize(1);
	}

	@Test
	void withAcceptJsonRefusalsAreProblems() {
		String slug = newArticle("Form json refused");
		var json = http.from(newAddress()).with("Accept", "application/json");
		String path = "/articles/" + slug + "/comments";

		assertThat(assertProblem(json.postForm(path, fields("Ada", "", "", "Body", "")), 400))
			.isEqualTo("Please give your e-mail address. It will not be shown.");
		assertThat(assertProblem(json.postForm(path, fields("Ada", newEmail(), "", "", "")), 400))
			.isEqualTo("Please write a comment.");
		assertThat(assertProblem(json.postForm(path, fields("Ada", newEmail(), "", "Body", "424242424")), 400))
			.isEqualTo("The comment you are replying to is not available.");
		assertThat(total(slug)).isZero();

		var unknown = http.from(newAddress())
			.with("Accept", "application/json")
			.postForm("/articles/no-such-" + unique() + "/comments", fields("Ada", newEmail(), "", "Body", ""));
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
	}

	@Test
	void theFormOfAnUnknownArticleIsNotFound() {
		var response = http.from(newAddress())
			.with("Accept", "text/html")
			.postForm("/articles/no-such-" + unique() + "/comments", fields("Ada", newEmail(), "", "Body", ""));
		assertThat(response.status()).isEqualTo(404);
		assertThat(response.header("Content-Type")).startsWith("text/html");
	}

}
