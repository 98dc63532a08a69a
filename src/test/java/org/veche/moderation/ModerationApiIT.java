package org.veche.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.veche.identity.Role;
import org.veche.support.Http;

import tools.jackson.databind.JsonNode;

/**
 * The moderation API: only moderators and administrators get in, with problem+json for
 * everyone else and for bad input; the queue, decisions and bans go through the same
 * facade as the queue page.
 */
class ModerationApiIT extends ModerationSupport {

	@Autowired
	private ModerationLog log;

	@Autowired
	private ReaderReports reports;

	@Test
	void guestsGet401AndReadersAndAuthors403AsProblems() {
		String reader = tokenFor(Role.READER);
		String author = tokenFor(Role.AUTHOR);
		var calls = List.<java.util.function.Function<Http, Http.Response>>of(h -> h.get("/api/v1/moderation/queue"),
				h -> h.get("/api/v1/moderation/reasons"), h -> h.get("/api/v1/moderation/bans"),
				h -> h.postJson("/api/v1/moderation/comments/1/decision", Map.of("decision", "approve")),
				h -> h.postJson("/api/v1/moderation/bans", Map.of("commentId", 1)),
				h -> h.delete("/api/v1/moderation/bans/1"));
		for (var call : calls) {
			problem(call.apply(http), 401);
			problem(call.apply(http.bearer("not-a-token")), 401);
			problem(call.apply(http.bearer(reader)), 403);
			problem(call.apply(http.bearer(author)), 403);
		}
	}

	@Test
	void aModeratorSeesAHeldCommentWithItsReasonAndApprovesItWithAReason() {
		rules(r -> {
			r.moderationWords = List.of("casino");
			return r;
		});
		String slug = newArticle("Api queue");
		String email = newEmail();
		long held = posted(post(slug, email, "Visit my casino, friends."), 202);
		var api = http.bearer(tokenFor(Role.MODERATOR));

		JsonNode queue = ok(api.get("/api/v1/moderation/queue?tab=pending"));
		assertThat(queue.get("tab").asString()).isEqualTo("pending");
		assertThat(queue.get("total").asInt()).isPositive();
		JsonNode item = find(queue, held);
		assertThat(item).as("held comment in the queue").isNotNull();
		assertThat(item.get("status").asString()).isEqualTo("pending");
		assertThat(item.get("articleSlug").asString()).isEqualTo(slug);
		assertThat(item.get("author").get("email").asString()).isEqualTo(email);
		assertThat(item.get("body").asString()).isEqualTo("Visit my casino, friends.");
		assertThat(item.get("reasons").get(0).get("code").asString()).isEqualTo("moderation.reason.word");
		assertThat(item.get("reasons").get(0).get("text").asString()).contains("casino");

		JsonNode decided = ok(api.postJson("/api/v1/moderation/comments/" + held + "/decision",
				Map.of("decision", "approve", "reason", "off-topic")));
		assertThat(decided.get("status").asString()).isEqualTo("approved");
		assertThat(find(ok(api.get("/api/v1/moderation/queue?tab=pending")), held)).isNull();
		assertThat(http.get("/api/v1/articles/" + slug + "/comments").json().get("total").asInt()).isEqualTo(1);
		LoggedAction logged = log.actions(1)
			.stream()
			.filter(a -> Long.valueOf(held).equals(a.commentId()))
			.findFirst()
			.orElseThrow();
		assertThat(logged.detail()).isEqualTo("pending \u2192 approved (off-topic)");
	}

	@Test
	void anAdministratorRemovesAReportedCommentFromTheReportedTab() {
		String slug = newArticle("Api reported");
		long id = posted(post(slug, newEmail(), "An ordinary remark."), 201);
		reports.report(id, ReportReason.ABUSE, "reporter-" + unique());
		var api = http.bearer(tokenFor(Role.ADMINISTRATOR));

		JsonNode item = find(ok(api.get("/api/v1/moderation/queue?tab=reported")), id);
		assertThat(item).as("reported comment in the queue").isNotNull();
		assertThat(item.get("reports").get("abuse").asInt()).isEqualTo(1);

		assertThat(ok(api.postJson("/api/v1/moderation/comments/" + id + "/decision", Map.of("decision", "remove")))
			.get("status")
			.asString()).isEqualTo("trash");
		assertThat(http.get("/api/v1/articles/" + slug + "/comments").json().get("total").asInt()).isZero();
		assertThat(find(ok(api.get("/api/v1/moderation/queue?tab=reported")), id)).isNull();
	}

	@Test
	void badInputIsA400Or404ProblemAndChangesNothing() {
		String slug = newArticle("Api bad input");
		long id = posted(post(slug, newEmail(), "Leave me be."), 201);
		var api = http.bearer(tokenFor(Role.MODERATOR));
		String path = "/api/v1/moderation/comments/" + id + "/decision";

		assertThat(problem(api.postJson(path, Map.of("decision", "obliterate")), 400)).isEqualTo("Unknown action.");
		assertThat(problem(api.postJson(path, Map.of()), 400)).isEqualTo("Unknown action.");
		assertThat(problem(api.postJson(path, Map.of("decision", "spam", "reason", "boring")), 400))
			.contains("/api/v1/moderation/reasons");
		problem(api.postJson("/api/v1/moderation/comments/987654321/decision", Map.of("decision", "approve")), 404);
		problem(api.get("/api/v1/moderation/queue?tab=everything"), 400);
		problem(api.get("/api/v1/moderation/queue?page=0"), 400);
		problem(api.get("/api/v1/moderation/queue?page=first"), 400);
		problem(api.postJson("/api/v1/moderation/bans", Map.of("note", "who?")), 400);
		problem(api.postJson("/api/v1/moderation/bans", Map.of("commentId", id, "days", 0)), 400);
		problem(api.postJson("/api/v1/moderation/bans", Map.of("commentId", 987654321)), 404);
		problem(api.delete("/api/v1/moderation/bans/987654321"), 404);
		problem(api.postJson(path, "{not json"), 400);

		assertThat(http.get("/api/v1/articles/" + slug + "/comments").json().get("total").asInt()).isEqualTo(1);
	}

	@Test
	void aBanRefusesTheAuthorUntilItIsLifted() {
		rules(r -> {
			r.floodInterval = java.time.Duration.ZERO;
			return r;
		});
		String slug = newArticle("Api bans");
		String email = newEmail();
		long id = posted(post(slug, email, "Something nasty."), 201);
		var api = http.bearer(tokenFor(Role.MODERATOR));

		var created = api.postJson("/api/v1/moderation/bans", Map.of("commentId", id, "days", 7, "note", "insults"));
		assertThat(created.status()).as("%s", created).isEqualTo(201);
		long ban = created.json().get("id").asLong();
		assertThat(post(slug, email, "Again.").status()).isEqualTo(403);
		var listed = new ArrayList<Long>();
		ok(api.get("/api/v1/moderation/bans")).forEach(b -> listed.add(b.get("id").asLong()));
		assertThat(listed).contains(ban);

		assertThat(api.delete("/api/v1/moderation/bans/" + ban).status()).isEqualTo(204);
		posted(post(slug, email, "I am sorry."), 201);
		problem(api.delete("/api/v1/moderation/bans/" + ban), 404);
	}

	@Test
	void theReasonsAreTheReportReasonsInTheAskedLanguage() {
		var api = http.bearer(tokenFor(Role.MODERATOR));
		var english = new HashMap<String, String>();
		ok(api.get("/api/v1/moderation/reasons"))
			.forEach(r -> english.put(r.get("id").asString(), r.get("label").asString()));
		assertThat(english).containsEntry("spam", "spam").containsEntry("off-topic", "off-topic").hasSize(5);
		JsonNode russian = ok(api.with("Accept-Language", "ru").get("/api/v1/moderation/reasons"));
		assertThat(russian.get(0).get("id").asString()).isEqualTo("spam");
		assertThat(russian.get(0).get("label").asString()).isEqualTo("спам");
	}

	@Test
	void theOpenApiDescriptionShowsTheRoutesBehindBearerTokens() throws Exception {
		JsonNode paths = ok(http.get("/api/openapi.json")).get("paths");
		for (String path : List.of("/api/v1/moderation/queue", "/api/v1/moderation/reasons", "/api/v1/webhooks")) {
			JsonNode get = paths.get(path).get("get");
			assertThat(get.get("security").get(0).has("bearer")).as(path).isTrue();
		}
		assertThat(paths.get("/api/v1/moderation/comments/{id}/decision").get("post").get("tags").get(0).asString())
			.isEqualTo("moderation");
	}

	private static JsonNode ok(Http.Response response) {
		assertThat(response.status()).as("%s", response).isEqualTo(200);
		return response.json();
	}

	private static JsonNode find(JsonNode queue, long id) {
		for (JsonNode item : queue.get("items")) {
			if (item.get("id").asLong() == id) {
				return item;
			}
		}
		return null;
	}

	private static String problem(Http.Response response, int status) {
		assertThat(response.status()).as("%s", response).isEqualTo(status);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		JsonNode json = response.json();
		assertThat(json.get("status").asInt()).isEqualTo(status);
		return json.get("detail").asString();
	}

}
