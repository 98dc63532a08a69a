package org.veche.discussion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import org.veche.identity.Role;
import org.veche.support.BrowserSession;
import org.veche.support.IntegrationTest;

/**
 * With veche.discussion.guests-may-comment=false: guests are offered only sign-in, and a guest post is refused on
 * the HTML form and on the API, with the reason. Its own context, until the setting can be switched at run time.
 */
@TestPropertySource(properties = "veche.discussion.guests-may-comment=false")
class GuestsMayNotCommentIT extends IntegrationTest {

	@Test
	void theGuestFormOffersOnlySignIn() {
		String slug = publishArticle(tokenFor(Role.EDITOR), "Sign-in only " + unique());
		var form = new BrowserSession(http).get("/articles/" + slug).html().selectFirst("#respond");
		assertThat(form.select("input[name=author], input[name=email]")).isEmpty();
		assertThat(form.select("button.post-comment")).isEmpty();
		assertThat(form.select(".sign-in-choices").text()).startsWith("Log in to comment with:");
		assertThat(form.select(".sign-in-required").text()).contains("does not take comments from guests");
	}

	@Test
	void aGuestPostIsRefusedWithTheFormAgain() {
		String slug = publishArticle(tokenFor(Role.EDITOR), "Guest refused " + unique());
		var refused = new BrowserSession(http.from(newAddress())).postForm("/articles/" + slug + "/comments",
				Map.of("author", "Guest", "email", "guest" + unique() + "@example.org", "comment", "Let me in"));
		assertThat(refused.status()).isEqualTo(401);
		assertThat(refused.html().select("#respond .form-error").text()).contains("Please sign in to comment");
		assertThat(refused.html().select("#respond textarea[name=comment]").text()).isEqualTo("Let me in");
		assertThat(http.get("/api/v1/articles/" + slug + "/comments").json().get("total").asInt()).isZero();
	}

	@Test
	void aGuestPostThroughTheApiIsAProblem() {
		String slug = publishArticle(tokenFor(Role.EDITOR), "Guest API refused " + unique());
		var refused = http.from(newAddress())
			.postJson("/api/v1/articles/" + slug + "/comments", Map.of("author",
					Map.of("name", "Guest", "email", "guest" + unique() + "@example.org"), "body", "Through the API"));
		assertThat(refused.status()).isEqualTo(401);
		assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
		assertThat(refused.json().get("detail").asString()).contains("Please sign in to comment");
	}

}
