package org.veche.moderation.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.veche.identity.NewAccount;
import org.veche.identity.Role;
import org.veche.moderation.Reason;
import org.veche.moderation.internal.Reasons;
import org.veche.support.BrowserSession;
import org.veche.support.Http;
import org.veche.support.IntegrationTest;

/**
 * The filter in the comment's path: screening asks it, and a moderator's decision teaches
 * it.
 */
class FilterScreeningIT extends IntegrationTest {

	@Autowired
	LearningFilter filter;

	@Autowired
	Reasons reasons;

	@BeforeEach
	@AfterEach
	void leaveTheFilterCold() {
		// the context is shared, and other tests' decisions teach the filter too
		filter.reset(FilterTask.SPAM);
		filter.reset(FilterTask.ABUSE);
	}

	private Http.Response post(String slug, String body) {
		var payload = new HashMap<String, Object>();
		payload.put("author", Map.of("name", "Reader " + unique(), "email", "reader" + unique() + "@example.org"));
		payload.put("body", body);
		return http.from(newAddress()).postJson("/api/v1/articles/" + slug + "/comments", payload);
	}

	private static String toyCsv() {
		var csv = new StringBuilder("text,label\n");
		// five copies: a classifier gives no opinion before it has learned 100 examples
		for (int copy = 0; copy < 5; copy++)
			for (Example e : LinearModelTests.TOY) {
				csv.append('"').append(e.input().text()).append("\",").append(e.bad() ? 1 : 0).append('\n');
			}
		return csv.toString();
	}

	@Test
	void aCommentTheFilterDislikesIsHeldWithItsStrongestWordsAndTheModeratorsDecisionTeachesIt() {
		filter.train(FilterTask.SPAM, new StringReader(toyCsv()));
		String slug = publishArticle(tokenFor(Role.EDITOR), "Filtered " + unique());

		var spam = post(slug, "Casino bonus! Cheap viagra pills, buy now");
		assertThat(spam.status()).as("%s", spam).isEqualTo(202);
		long id = spam.json().get("id").asLong();
		List<String> why = reasons.of(List.of(id)).get(id).stream().map(Reason::stored).toList();
		assertThat(why).hasSize(1);
		assertThat(why.get(0)).startsWith("moderation.reason.filter.spam|").containsAnyOf("casino", "viagra", "cheap");

		var fine = post(slug, "Thanks for the report on the court hearing");
		assertThat(fine.status()).as("%s", fine).isEqualTo(201);

		// the moderator says it was not spam after all: both classifiers learn one "fine"
		// example
		String email = "moderator" + unique() + "@example.org";
		identity.createAccount(new NewAccount(email, "correct horse battery staple", "Moderator", Role.MODERATOR));
		var moderator = BrowserSession.signIn(http, email, "correct horse battery staple");
		var queue = moderator.get("/moderation?tab=spam");
		assertThat(queue.status()).isEqualTo(200);
		long before = filter.examples(FilterTask.SPAM);
		long abuseBefore = filter.examples(FilterTask.ABUSE);
		var decided = moderator.postForm("/moderation/comments/" + id + "/decide",
				Map.of("_csrf", BrowserSession.csrfToken(queue.html()), "decision", "not-spam"));
		assertThat(decided.status()).as("%s", decided).isEqualTo(302);
		assertThat(filter.examples(FilterTask.SPAM)).isEqualTo(before + 1);
		assertThat(filter.examples(FilterTask.ABUSE)).isEqualTo(abuseBefore + 1);
	}

}
