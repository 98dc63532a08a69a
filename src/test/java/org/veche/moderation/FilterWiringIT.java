package org.veche.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.veche.identity.Role;
import org.veche.moderation.filter.FilterInput;
import org.veche.moderation.filter.FilterTask;
import org.veche.moderation.internal.Reasons;
import org.veche.support.BrowserSession;

/**
 * The learning filter in screening and in decisions: above the hold threshold a comment
 * is held with the score and the words that weighed most, above the spam threshold it
 * goes to spam, and every decision teaches it.
 */
class FilterWiringIT extends ModerationSupport {

	@Autowired
	private Reasons reasons;

	private static FilterInput input(String text) {
		return new FilterInput(text, "Reader", "reader@mail.example", null, true, true);
	}

	/**
	 * Enough examples that the filter has an opinion
	 * (veche.moderation.filter.min-examples, 100 by default).
	 */
	private void teachSpamWord(String word) {
		for (int i = 0; i < 60; i++) {
			filter.learn(FilterTask.SPAM, input("buy " + word + " pills now number " + i), true);
			filter.learn(FilterTask.SPAM, input("thank you for the reporting, number " + i), false);
		}
	}

	@Test
	void aCommentTheFilterScoresAboveTheThresholdsIsHeldOrSpamWithItsStrongestWords() {
		String word = "zorbexil" + unique();
		teachSpamWord(word);
		double p = filter.score(FilterTask.SPAM, input("cheap " + word)).probability();
		assertThat(p).as("the taught filter's opinion").isGreaterThan(0.3);
		String slug = newArticle("Filtered");
		rules(r -> {
			r.filterHold = p - 0.05;
			r.filterSpam = Math.min(1, p + 0.05);
			return r;
		});
		long held = posted(post(slug, newEmail(), "cheap " + word), 202);
		List<String> why = reasons.of(List.of(held)).get(held).stream().map(Reason::stored).toList();
		assertThat(why).singleElement().asString().startsWith("moderation.reason.filter.spam|").contains(word);
		var item = session(Role.MODERATOR).get("/moderation").html().getElementById("item-" + held);
		assertThat(item.selectFirst(".reasons .reason").text()).matches(
				"The spam filter gives it \\d+%; strongest features \\(words as read after unmasking\\) and their weights: .*"
						+ word + " \\+\\d+\\.\\d\\d.*");
		assertThat(reasons.of(List.of(held)).get(held).getFirst().stored().split("\\|")[2]).startsWith(word);

		rules(r -> {
			r.filterHold = 0.01;
			r.filterSpam = p - 0.05;
			return r;
		});
		long spam = posted(post(slug, newEmail(), "cheap " + word), 202);
		var spamTab = session(Role.MODERATOR).get("/moderation?tab=spam").html();
		assertThat(spamTab.getElementById("item-" + spam)).isNotNull();
	}

	@Test
	void decisionsTeachTheFilterAfterTheyCommit() {
		rules(r -> {
			r.holdFirstComment = true;
			return r;
		});
		BrowserSession moderator = session(Role.MODERATOR);
		String slug = newArticle("Teaching");
		long spamSize = filter.examples(FilterTask.SPAM);
		long abuseSize = filter.examples(FilterTask.ABUSE);
		long[] ids = new long[4];
		for (int i = 0; i < ids.length; i++) {
			ids[i] = posted(post(slug, newEmail(), "Comment to decide " + i), 202);
		}
		decide(moderator, ids[0], "approve");
		assertThat(filter.examples(FilterTask.SPAM)).isEqualTo(spamSize + 1);
		assertThat(filter.examples(FilterTask.ABUSE)).isEqualTo(abuseSize + 1);
		decide(moderator, ids[1], "spam");
		assertThat(filter.examples(FilterTask.SPAM)).isEqualTo(spamSize + 2);
		assertThat(filter.examples(FilterTask.ABUSE)).isEqualTo(abuseSize + 1);
		decide(moderator, ids[2], "abusive");
		assertThat(filter.examples(FilterTask.ABUSE)).isEqualTo(abuseSize + 2);
		decide(moderator, ids[3], "trash");
		decide(moderator, ids[1], "not-spam");
		assertThat(filter.examples(FilterTask.SPAM)).isEqualTo(spamSize + 3);
		assertThat(filter.examples(FilterTask.ABUSE)).isEqualTo(abuseSize + 3);
	}

	private static void decide(BrowserSession moderator, long id, String decision) {
		var done = submit(moderator, "/moderation?tab=pending", "/moderation/comments/" + id + "/decide",
				Map.of("decision", decision));
		assertThat(done.status()).isEqualTo(302);
	}

}
