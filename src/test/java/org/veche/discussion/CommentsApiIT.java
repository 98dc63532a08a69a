package org.veche.discussion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

class CommentsApiIT extends DiscussionSupport {

	@Autowired
	DSLContext db;

	@Test
	void postingAnswers201WithTheCommentAndItsPublicAuthorButNeverTheEmail() {
		String slug = newArticle("Api post");
		String email = newEmail();
		var response = postApi(slug,
				reply(null, "Ada Lovelace", email, "https://ada.example.org/notes", "Hello *world*"), newAddress());

		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		JsonNode json = response.json();
		assertThat(json.get("id").asLong()).isPositive();
		assertThat(json.get("parentId").isNull()).isTrue();
		assertThat(json.get("author").get("name").asString()).isEqualTo("Ada Lovelace");
		assertThat(json.get("author").get("url").asString()).isEqualTo("https://ada.example.org/notes");
		assertThat(json.get("html").asString()).contains("<em>world</em>");
		assertThat(json.get("status").asString()).isEqualTo("approved");
		assertThat(json.get("likes").asInt()).isZero();
		assertThat(json.get("createdAt").asString()).isNotBlank();
		assertThat(response.body()).doesNotContainIgnoringCase(email).doesNotContainIgnoringCase("\"email\"");

		var list = http.get("/api/v1/articles/" + slug + "/comments");
		assertThat(list.body()).doesNotContainIgnoringCase(email).doesNotContainIgnoringCase("\"email\"");
	}

	@Test
	void listingGivesTheTotalAndOnlyApprovedCommentsOldestFirst() {
		String slug = newArticle("Api list");
		long first = comment(slug, null, "First", "one");
		long second = comment(slug, null, "Second", "two");
		long spam = comment(slug, null, "Spammer", "buy now");
		long third = comment(slug, second, "Third", "three");
		// No endpoint moderates yet; a moderator's verdict is the row's status, set here
		// as moderation would.
		int updated = db.update(table(name("comment")))
			.set(field(name("status"), String.class), CommentStatus.SPAM.name())
			.where(field(name("id"), Long.class).eq(spam))
			.execute();
		assertThat(updated).isEqualTo(1);

		var list = http.get("/api/v1/articles/" + slug + "/comments").json();
		assertThat(list.get("total").asInt()).isEqualTo(3);
		var comments = list.get("comments");
		assertThat(comments.size()).isEqualTo(3);
		assertThat(List.of(comments.get(0).get("id").asLong(), comments.get(1).get("id").asLong(),
				comments.get(2).get("id").asLong()))
			.containsExactly(first, second, third);
		for (JsonNode c : comments) {
			assertThat(c.get("status").asString()).isEqualTo("approved");
		}
		assertThat(comments.get(0).get("createdAt").asString())
			.isLessThanOrEqualTo(comments.get(2).get("createdAt").asString());
		assertThat(comments.get(2).get("parentId").asLong()).isEqualTo(second);
	}

	@Test
	void aReplyCarriesItsParentId() {
		String slug = newArticle("Api reply");
		long parent = comment(slug, null, "Parent", "A question?");
		var response = postApi(slug, reply(parent, "Child", newEmail(), null, "An answer."), newAddress());
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		assertThat(response.json().get("parentId").asLong()).isEqualTo(parent);
		assertThat(response.json().get("author").get("url").isNull()).isTrue();
	}

	@Test
	void aReplyToACommentOfAnotherArticleIsRefusedAndNotStored() {
		String slug = newArticle("Api here");
		String other = newArticle("Api elsewhere");
		long elsewhere = comment(other, null, "Elsewhere", "On the other article");

		var response = postApi(slug, reply(elsewhere, "Crosser", newEmail(), null, "Crossing over"), newAddress());
		assertThat(assertProblem(response, 400)).isEqualTo("The comment you are replying to is not available.");
		assertThat(total(slug)).isZero();
		assertThat(total(other)).isEqualTo(1);
	}

	@Test
	void aReplyToAnUnknownCommentIsRefused() {
		String slug = newArticle("Api orphan");
		var response = postApi(slug, reply(987_654_321L, "Orphan", newEmail(), null, "Hello?"), newAddress());
		assertThat(assertProblem(response, 400)).isEqualTo("The comment you are replying to is not available.");
		assertThat(total(slug)).isZero();
	}

	@Test
	void draftAndUnknownArticlesAnswer404ProblemsToReadersAndCommenters() {
		var draft = http.bearer(editorToken())
			.postJson("/api/v1/articles", Map.of("title", "Draft " + unique(), "lead", "Not yet", "body", "Secret",
					"tags", List.of(), "status", "draft"));
		assertThat(draft.status()).as(draft.toString()).isEqualTo(201);
		String draftSlug = draft.json().get("slug").asString();

		for (String slug : List.of(draftSlug, "no-such-article-" + unique())) {
			assertProblem(postApi(slug, reply(null, "Early", newEmail(), null, "First?"), newAddress()), 404);
			assertProblem(http.get("/api/v1/articles/" + slug + "/comments"), 404);
		}
	}

	static Stream<Arguments> refusedReplies() {
		return Stream.of(refused("missing name", reply(null, null, newEmail(), null, "Body"), "Please give your name."),
				refused("blank name", reply(null, " \t ", newEmail(), null, "Body"), "Please give your name."),
				refused("name over 100 characters", reply(null, "n".repeat(101), newEmail(), null, "Body"),
						"Your name is too long: at most 100 characters."),
				refused("missing e-mail", reply(null, "Ada", null, null, "Body"),
						"Please give your e-mail address. It will not be shown."),
				refused("malformed e-mail", reply(null, "Ada", "ada-at-example.org", null, "Body"),
						"That e-mail address does not look right."),
				refused("two @ in e-mail", reply(null, "Ada", "ada@@example.org", null, "Body"),
						"That e-mail address does not look right."),
				refused("javascript: website", reply(null, "Ada", newEmail(), "javascript:alert(1)", "Body"),
						"The website must be an http or https address."),
				refused("ftp website", reply(null, "Ada", newEmail(), "ftp://example.org/", "Body"),
						"The website must be an http or https address."),
				refused("missing body", reply(null, "Ada", newEmail(), null, null), "Please write a comment."),
				refused("empty body", reply(null, "Ada", newEmail(), null, ""), "Please write a comment."),
				refused("whitespace body", reply(null, "Ada", newEmail(), null, " \n\t "), "Please write a comment."),
				refused("body over 10,000 characters", reply(null, "Ada", newEmail(), null, "x".repeat(10_001)),
						"Your comment is too long: at most 10,000 characters."),
				refused("NUL in body", reply(null, "Ada", newEmail(), null, "before\u0000after"),
						"The text contains control characters that cannot be stored."),
				refused("BEL character in body", reply(null, "Ada", newEmail(), null, "bell\u0007"),
						"The text contains control characters that cannot be stored."),
				refused("NUL in name", reply(null, "A\u0000da", newEmail(), null, "Body"),
						"The text contains control characters that cannot be stored."));
	}

	private static Arguments refused(String why, Map<String, Object> payload, String detail) {
		return Arguments.of(why, payload, detail);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("refusedReplies")
	void invalidRepliesAreRefusedWithAProblemDetailAndNotStored(String why, Map<String, Object> payload,
			String expectedDetail) {
		String slug = newArticle("Api invalid");
		var response = postApi(slug, payload, newAddress());
		String detail = assertProblem(response, 400);
		assertThat(detail).isEqualTo(expectedDetail);
		assertThat(total(slug)).isZero();
	}

	/**
	 * JSON escapes can carry what UTF-8 cannot: half a surrogate pair, which no page
	 * could show.
	 */
	@ParameterizedTest(name = "{0}")
	@MethodSource("unshowableJson")
	void charactersThatCannotBeShownAreRefused(String why, String name, String body) {
		String slug = newArticle("Api unshowable");
		String json = "{\"author\":{\"name\":\"" + name + "\",\"email\":\"" + newEmail() + "\"},\"body\":\"" + body
				+ "\"}";
		var response = postRawJson("/api/v1/articles/" + slug + "/comments", json, newAddress());
		assertThat(assertProblem(response, 400))
			.isEqualTo("The text contains control characters that cannot be stored.");
		assertThat(total(slug)).isZero();
	}

	static Stream<Arguments> unshowableJson() {
		return Stream.of(Arguments.of("lone high surrogate in body", "Ada", "before \\ud800 after"),
				Arguments.of("lone low surrogate in name", "A\\udfffda", "Body"),
				Arguments.of("noncharacter U+FFFE as the body", "Ada", "\\ufffe"),
				Arguments.of("noncharacter U+FDD0 in name", "A\\ufdd0da", "Body"),
				Arguments.of("noncharacter U+1FFFF in body", "Ada", "x \\ud83f\\udfff y"));
	}

	@Test
	void aBodyOfExactly10000CharactersIsAccepted() {
		String slug = newArticle("Api longest");
		var response = postApi(slug, reply(null, "Ada", newEmail(), null, "y".repeat(10_000)), newAddress());
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
	}

	@Test
	void malformedRequestsAreClientErrorsNotServerErrors() {
		String slug = newArticle("Api malformed");
		String path = "/api/v1/articles/" + slug + "/comments";
		var stringNotObject = http.from(newAddress()).postJson(path, "{not an object");
		assertThat(stringNotObject.status()).as(stringNotObject.toString()).isBetween(400, 499);

		var wrongParent = http.from(newAddress())
			.postJson(path, Map.of("parentId", "abc", "author", Map.of("name", "A", "email", newEmail()), "body", "b"));
		assertThat(wrongParent.status()).as(wrongParent.toString()).isBetween(400, 499);

		var noAuthor = http.from(newAddress()).postJson(path, Map.of("body", "No author at all"));
		assertThat(assertProblem(noAuthor, 400)).isEqualTo("Please give your name.");
		assertThat(total(slug)).isZero();
	}

}
