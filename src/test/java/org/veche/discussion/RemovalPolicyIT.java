package org.veche.discussion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.veche.identity.Role;
import org.veche.privacy.ErasurePolicy;
import org.veche.privacy.Person;
import org.veche.support.IntegrationTest;

import tools.jackson.databind.JsonNode;

/**
 * Erasure under the "remove" policy (the site's setting picks it; here the discussion's
 * answer is called with it directly, on the shared context): a comment nobody answered is
 * deleted, an answered one is emptied and hidden, and the replies stay in the thread.
 */
class RemovalPolicyIT extends IntegrationTest {

	@Autowired
	private CommenterData data;

	private long post(String slug, String email, String body, Long parentId) {
		var payload = new HashMap<String, Object>();
		payload.put("parentId", parentId);
		payload.put("author", Map.of("name", "Name of " + email, "email", email));
		payload.put("body", body);
		var response = http.from(newAddress()).postJson("/api/v1/articles/" + slug + "/comments", payload);
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.json().get("id").asLong();
	}

	@Test
	void removalDeletesUnansweredCommentsAndEmptiesAnsweredOnesKeepingTheReplies() {
		String slug = publishArticle(tokenFor(Role.EDITOR), "Removal " + unique());
		String email = "remove" + unique() + "@example.org";
		long answered = post(slug, email, "Answered words", null);
		long reply = post(slug, "other" + unique() + "@example.org", "The reply stays", answered);
		String page = http.get("/articles/" + slug).body();
		assertThat(page).contains("Answered words");

		var done = data.erase(Person.guest(email), ErasurePolicy.REMOVE);

		assertThat(done).containsEntry("comments.emptied", 1).containsEntry("comments.deleted", 0);
		JsonNode comments = http.get("/api/v1/articles/" + slug + "/comments").json().get("comments");
		assertThat(comments.valueStream().map(c -> c.get("id").asLong()).toList()).containsExactly(reply);
		assertThat(http.get("/articles/" + slug).body()).doesNotContain("Answered words").contains("The reply stays");

		long lone = post(slug, email, "Nobody answered this", null);
		var second = data.erase(Person.guest(email), ErasurePolicy.REMOVE);

		assertThat(second).containsEntry("comments.deleted", 1);
		assertThat(http.get("/api/v1/articles/" + slug + "/comments").body()).doesNotContain("Nobody answered this");
		assertThat(data.export(Person.guest(email)).toString()).doesNotContain("Nobody answered")
			.doesNotContain("Answered words");
		assertThat(lone).isPositive();
	}

}
