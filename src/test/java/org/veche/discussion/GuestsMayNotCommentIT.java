package org.veche.discussion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.veche.identity.Role;
import org.veche.moderation.DiscussionRules;
import org.veche.moderation.internal.RuleSettings;
import org.veche.support.BrowserSession;
import org.veche.support.IntegrationTest;

/**
 * With the discussion rule "guests may comment" switched off (at run time, in the shared
 * site, and back on after each test): guests are offered only sign-in, and a guest post
 * is refused on the HTML form and on the API, with the reason.
 */
class GuestsMayNotCommentIT extends IntegrationTest {

	@Autowired
	private RuleSettings rules;

	private DiscussionRules before;

	@BeforeEach
	void guestsMayNotComment() {
		before = rules.rules();
		var r = before;
		rules.save(new DiscussionRules(r.holdLinks(), r.moderationWords(), r.disallowedWords(), r.holdFirstComment(),
				r.nameAndEmailRequired(), r.closeAfterDays(), r.floodInterval(), r.maxLength(), false,
				r.reportsToHold(), r.filterHold(), r.filterSpam(), r.raidSize()));
	}

	@AfterEach
	void putTheRuleBack() {
		rules.save(before);
	}

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
