package org.veche.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.veche.identity.Role;

/**
 * Held near-duplicates, whatever held them (here: first comments, not a raid), are one
 * row of the pending tab, which lists each of them without JavaScript and takes one
 * decision for all; each comment's decision is logged once, and a different held comment
 * stays in the queue as its own row.
 */
class QueueClustersIT extends ModerationSupport {

	private static final String TEXT = "Buy cheap followers for your channel today at our shop, best prices and instant delivery";

	@Test
	void nearDuplicateHeldCommentsAreOneRowAndOneDecisionMovesThemAll() {
		rules(r -> {
			r.holdFirstComment = true;
			return r;
		});
		String[] variants = { TEXT, TEXT.toUpperCase(), TEXT + " 7781", TEXT.replace(",", " --") + "!!!",
				"BUY cheap followers for your channel TODAY at our shop: best prices, instant delivery" };
		List<String> slugs = List.of(newArticle("Cluster one"), newArticle("Cluster two"));
		var alike = new ArrayList<Long>();
		for (int i = 0; i < variants.length; i++) {
			alike.add(posted(post(slugs.get(i % 2), newEmail(), variants[i]), 202));
		}
		long other = posted(
				post(slugs.getFirst(), newEmail(),
						"A thoughtful and entirely different comment about the budget debate in the council tonight."),
				202);

		var moderator = session(Role.MODERATOR);
		var queue = moderator.get("/moderation").html();
		Element row = queue.select(".queue-cluster")
			.stream()
			.filter(r -> r.selectFirst(".cluster-member[data-id=" + alike.getFirst() + "]") != null)
			.findFirst()
			.orElseThrow(() -> new AssertionError("no group row for " + alike));
		assertThat(row.selectFirst(".cluster-title").text()).isEqualTo("5 near-identical comments");
		assertThat(row.selectFirst("details.cluster-members summary")).isNotNull();
		assertThat(row.select(".cluster-member").eachAttr("data-id"))
			.containsExactlyInAnyOrderElementsOf(alike.stream().map(String::valueOf).toList());
		for (long id : alike) {
			assertThat(queue.getElementById("item-" + id)).as("comment %d not also a row of its own", id).isNull();
		}
		assertThat(queue.getElementById("item-" + other)).isNotNull();

		var form = row.selectFirst("form.cluster-decisions");
		assertThat(form.select("button[name=decision]").eachAttr("value")).containsExactly("approve", "spam", "trash");
		var decided = submit(moderator, "/moderation", form.attr("action"),
				Map.of("ids", String.join(",", form.select("input[name=ids]").eachAttr("value")), "decision", "spam",
						"tab", "pending"));
		assertThat(decided.status()).isEqualTo(302);

		var spam = moderator.get("/moderation?tab=spam").html();
		for (long id : alike) {
			assertThat(spam.getElementById("item-" + id)).as("comment %d in spam", id).isNotNull();
		}
		var after = moderator.get("/moderation").html();
		assertThat(after.getElementById("item-" + other)).as("the different comment stays").isNotNull();
		assertThat(after.select(".cluster-member[data-id=" + alike.getFirst() + "]")).isEmpty();
		var log = moderator.get("/moderation/log").html().select("tr[data-action=spam] .comment").eachText();
		for (long id : alike) {
			assertThat(log).as("comment %d logged once", id).containsOnlyOnce("#" + id);
		}
	}

	@Test
	void heldCommentsWithNothingAlikeAreRowsOfTheirOwn() {
		rules(r -> {
			r.holdFirstComment = true;
			return r;
		});
		String slug = newArticle("No cluster");
		long one = posted(post(slug, newEmail(), "The new cycle lane on the embankment is a good idea, finally."), 202);
		long two = posted(
				post(slug, newEmail(), "Will the school on Elm Street really close next year, does anyone know?"), 202);
		var queue = session(Role.MODERATOR).get("/moderation").html();
		assertThat(queue.getElementById("item-" + one)).isNotNull();
		assertThat(queue.getElementById("item-" + two)).isNotNull();
		assertThat(queue.select(".cluster-member[data-id=" + one + "], .cluster-member[data-id=" + two + "]"))
			.isEmpty();
	}

}
