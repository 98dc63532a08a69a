package org.veche.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.veche.identity.Role;
import org.veche.moderation.internal.RaidDetector;
import org.veche.moderation.internal.Reasons;

/**
 * A generated raid: near-duplicate comments from new identities on one thread within
 * minutes are held as one cluster (what was already shown is taken down), the thread
 * holds every comment for a while and the queue says so, and a moderator removes or
 * approves the whole cluster in one action.
 */
class RaidIT extends ModerationSupport {

	private static final String TEXT = "Everyone must see this: the candidate is a fraud, share it before they delete it!";

	@Autowired
	private Reasons reasons;

	@Autowired
	private RaidDetector raids;

	/**
	 * The burst: the same text, varied as raiders vary it, each from a new e-mail and
	 * address.
	 */
	private List<Long> burst(String slug, int size) {
		var ids = new ArrayList<Long>();
		String[] variants = { TEXT, TEXT.toUpperCase(), TEXT + " 4417", TEXT.replace(":", " --") + "!!!",
				"EVERYONE must see this; the candidate is a FRAUD. Share it before they delete it" };
		for (int i = 0; i < size; i++) {
			var response = post(slug, newEmail(), variants[i % variants.length]);
			assertThat(response.status()).isIn(201, 202);
			ids.add(response.json().get("id").asLong());
		}
		return ids;
	}

	@org.junit.jupiter.api.BeforeEach
	void detectRaidsOfFour() {
		rules(r -> {
			r.raidSize = 4;
			r.floodInterval = java.time.Duration.ZERO;
			return r;
		});
	}

	private boolean shown(String slug, long id) {
		return page(http, "/articles/" + slug).getElementById("comment-" + id) != null;
	}

	@Test
	void aBurstOfNearDuplicatesIsHeldAsOneClusterAndTheThreadIsPreModerated() {
		String slug = newArticle("Raided");
		String quiet = newArticle("Not raided");
		List<Long> ids = burst(slug, 5);
		long first = ids.getFirst();
		for (long id : ids) {
			assertThat(shown(slug, id)).as("comment %d shown", id).isFalse();
			assertThat(reasons.of(List.of(id)).get(id).stream().map(Reason::stored))
				.contains("moderation.reason.raid|" + first);
		}

		var unrelated = post(slug, newEmail(), "A calm remark about the bridge on Main Street.");
		assertThat(unrelated.status()).isEqualTo(202);
		long calm = unrelated.json().get("id").asLong();
		assertThat(reasons.of(List.of(calm)).get(calm).stream().map(Reason::stored))
			.containsExactly("moderation.reason.raidThread");
		posted(post(quiet, newEmail(), TEXT), 201);

		var moderator = session(Role.MODERATOR);
		var queue = moderator.get("/moderation").html();
		long articleId = http.get("/api/v1/articles/" + slug).json().get("id").asLong();
		assertThat(queue.selectFirst(".raid-notice[data-article=" + articleId + "]").text()).contains("A raid on");
		// held near-duplicates are one row of the pending tab, with the reasons of its
		// comments
		var row = queue.select(".queue-cluster")
			.stream()
			.filter(r -> r.selectFirst(".cluster-member[data-id=" + ids.get(2) + "]") != null)
			.findFirst()
			.orElseThrow();
		assertThat(row.select(".cluster-member")).hasSize(ids.size());
		assertThat(row.select(".reasons .reason").eachText())
			.anyMatch(text -> text.startsWith("Part of a raid") && text.contains("cluster " + first));

		var removed = submit(moderator, "/moderation", "/moderation/clusters/" + first + "/decide",
				Map.of("decision", "trash", "tab", "pending"));
		assertThat(removed.status()).isEqualTo(302);
		var trash = moderator.get("/moderation?tab=trash").html();
		for (long id : ids) {
			assertThat(trash.getElementById("item-" + id)).as("comment %d in trash", id).isNotNull();
		}
		assertThat(moderator.get("/moderation").html().getElementById("item-" + calm)).isNotNull();
		assertThat(moderator.get("/moderation/log").html().selectFirst("tr[data-action=cluster] .detail").text())
			.isEqualTo("trash \u00d7 5");
	}

	@Test
	void approvingTheClusterPutsEveryCommentOfItBack() {
		String slug = newArticle("False alarm");
		List<Long> ids = burst(slug, 4);
		var moderator = session(Role.MODERATOR);
		var approved = submit(moderator, "/moderation", "/moderation/clusters/" + ids.getFirst() + "/decide",
				Map.of("decision", "approve"));
		assertThat(approved.status()).isEqualTo(302);
		for (long id : ids) {
			assertThat(shown(slug, id)).isTrue();
		}
		var unknown = submit(moderator, "/moderation", "/moderation/clusters/999999999/decide",
				Map.of("decision", "approve"));
		assertThat(unknown.status()).isEqualTo(404);
	}

	@Test
	void aLongRaidsLaterCommentsJoinItsClusterWithoutTouchingTheEarlierOnes() {
		// a thread no other test writes to, and comment ids of its own (the detector
		// keeps signatures only)
		long thread = 7_000_000 + System.nanoTime() % 1_000_000;
		long[] signature = raids.signature(TEXT);
		Instant at = Instant.now();
		var joined = new ArrayList<Integer>();
		long first = thread * 1_000;
		for (int i = 0; i < 2 * 256 + 10; i++) {
			long id = first + i;
			var raid = raids.check(thread, signature, at, 4).orElse(null);
			if (raid != null) {
				assertThat(raid.cluster()).as("post %d joins the first cluster", i).isEqualTo(first);
				joined.add(raid.earlier().size());
			}
			raids.remember(thread, id, signature, at, raid);
		}
		// the fourth post finds the burst and takes the three before it in; every later
		// one joins alone, so a post costs the same at the end of a long raid as at its
		// start
		assertThat(joined.getFirst()).isEqualTo(3);
		assertThat(joined.subList(1, joined.size())).containsOnly(0);
		assertThat(raids.premoderatedUntil(thread, at)).isPresent();
	}

	@Test
	void fewerNearDuplicatesThanTheBurstSizeAreLeftAlone() {
		String slug = newArticle("Agreement");
		for (long id : burst(slug, 3)) {
			assertThat(shown(slug, id)).isTrue();
		}
	}

}
