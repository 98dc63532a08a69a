package org.veche.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.veche.moderation.internal.Reasons;

/**
 * A held comment is stored but not shown, its author is told it awaits moderation (on the
 * redirect page without JavaScript, in place with it), the API answers 202, and the
 * reason is kept beside it.
 */
class HeldCommentsIT extends ModerationSupport {

	@Autowired
	private Reasons reasons;

	@Test
	void firstCommentOfAnAuthorIsHeldThenTheirNextIsNot() {
		rules(r -> {
			r.holdFirstComment = true;
			r.floodInterval = java.time.Duration.ZERO;
			return r;
		});
		String slug = newArticle("First comments");
		String email = newEmail();
		var held = post(slug, email, "My first words here.");
		long id = posted(held, 202);
		assertThat(held.json().get("status").asString()).isEqualTo("pending");
		assertThat(reasons.of(List.of(id)).get(id).stream().map(Reason::stored))
			.containsExactly("moderation.reason.firstComment");
		var list = http.get("/api/v1/articles/" + slug + "/comments").json();
		assertThat(list.get("total").asInt()).isZero();
		assertThat(page(http, "/articles/" + slug).getElementById("comment-" + id)).isNull();

		// another reader with an approved comment is not held
		String regular = newEmail();
		rules(r -> {
			r.holdFirstComment = false;
			return r;
		});
		posted(post(slug, regular, "I have been here before."), 201);
		rules(r -> {
			r.holdFirstComment = true;
			return r;
		});
		posted(post(slug, regular, "So this one shows at once."), 201);
	}

	@Test
	void withoutScriptTheRedirectPageSaysTheCommentAwaitsModeration() {
		rules(r -> {
			r.holdFirstComment = true;
			return r;
		});
		String slug = newArticle("Held without script");
		var response = http.from(newAddress())
			.postForm("/articles/" + slug + "/comments",
					Map.of("author", "Olena", "email", newEmail(), "comment", "Held, I expect."));
		assertThat(response.status()).isEqualTo(302);
		String location = response.header("Location");
		assertThat(location).contains("/articles/" + slug + "?held=").endsWith("#comment-held");
		var page = page(http, location.substring(location.indexOf("/articles/"), location.indexOf('#')));
		assertThat(page.getElementById("comment-held").text()).isEqualTo("Your comment is awaiting moderation.");
		assertThat(page.select("div.thread li.comment")).isEmpty();
	}

	@Test
	void withScriptTheHeldCommentComesBackToBeShownInPlaceWithTheNotice() {
		rules(r -> {
			r.holdFirstComment = true;
			return r;
		});
		String slug = newArticle("Held with script");
		var response = http.from(newAddress())
			.with("Accept", "application/json")
			.postForm("/articles/" + slug + "/comments",
					Map.of("author", "Taras", "email", newEmail(), "comment", "Shown to me alone."));
		assertThat(response.status()).isEqualTo(202);
		assertThat(response.json().get("status").asString()).isEqualTo("pending");
		assertThat(response.json().get("html").asString()).contains("Your comment is awaiting moderation.")
			.contains("Shown to me alone.");
	}

}
