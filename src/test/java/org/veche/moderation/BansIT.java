package org.veche.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.veche.identity.Role;
import org.veche.moderation.internal.Bans;

/**
 * Bans from the queue: the author's e-mail, address hash and account are refused with a
 * neutral message until the ban ends by itself or is lifted.
 */
class BansIT extends ModerationSupport {

	@Autowired
	private Bans bans;

	private static final String NEUTRAL = "You cannot comment on this site at the moment.";

	@Test
	void aBannedAuthorIsRefusedByEmailAndByAddressUntilTheBanIsLifted() {
		rules(r -> {
			r.floodInterval = Duration.ZERO;
			return r;
		});
		var moderator = session(Role.MODERATOR);
		String slug = newArticle("Bans");
		String email = newEmail();
		String address = newAddress();
		long id = posted(http.from(address)
			.postJson("/api/v1/articles/" + slug + "/comments", reply(null, "Troll", email, "Something nasty.")), 201);
		var banned = submit(moderator, "/moderation?tab=approved", "/moderation/comments/" + id + "/ban",
				Map.of("length", "7", "note", "insults", "tab", "approved"));
		assertThat(banned.status()).isEqualTo(302);

		var sameEmail = post(slug, email, "From another address.");
		assertThat(sameEmail.status()).isEqualTo(403);
		assertThat(sameEmail.json().get("detail").asString()).isEqualTo(NEUTRAL);
		var sameAddress = http.from(address)
			.postJson("/api/v1/articles/" + slug + "/comments", reply(null, "New Name", newEmail(), "Same place."));
		assertThat(sameAddress.status()).isEqualTo(403);
		var form = http.from(address)
			.postForm("/articles/" + slug + "/comments",
					Map.of("author", "Form", "email", email, "comment", "By the form."));
		assertThat(form.status()).isEqualTo(403);
		assertThat(form.html().selectFirst(".form-error").text()).isEqualTo(NEUTRAL);
		assertThat(form.html().selectFirst("#comment").text()).isEqualTo("By the form.");
		posted(post(slug, newEmail(), "Someone else entirely."), 201);

		var list = moderator.get("/moderation/bans").html();
		var row = list.selectFirst("tr:has(td:contains(" + email + "))");
		assertThat(row).isNotNull();
		assertThat(row.text()).contains("insults");
		String banId = row.attr("data-ban");
		var lifted = submit(moderator, "/moderation/bans", "/moderation/bans/" + banId + "/lift", Map.of());
		assertThat(lifted.status()).isEqualTo(302);
		posted(post(slug, email, "Back again."), 201);
		var actions = moderator.get("/moderation/log").html().select("tr").eachAttr("data-action");
		assertThat(actions).contains("ban", "lift-ban");
	}

	@Test
	void aBanOnAnAccountRefusesItsCommentsAndAForGoodBanHasNoEnd() {
		var moderator = session(Role.MODERATOR);
		String slug = newArticle("Account ban");
		String token = tokenFor(Role.READER);
		long id = posted(http.bearer(token)
			.from(newAddress())
			.postJson("/api/v1/articles/" + slug + "/comments", Map.of("body", "Signed in and rude.")), 201);
		submit(moderator, "/moderation?tab=approved", "/moderation/comments/" + id + "/ban",
				Map.of("length", "forever", "tab", "approved"));
		var refused = http.bearer(token)
			.from(newAddress())
			.postJson("/api/v1/articles/" + slug + "/comments", Map.of("body", "Still here?"));
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.json().get("detail").asString()).isEqualTo(NEUTRAL);
		var row = moderator.get("/moderation/bans")
			.html()
			.select("tr[data-ban]")
			.stream()
			.filter(tr -> tr.text().contains("account"))
			.findFirst()
			.orElseThrow();
		assertThat(row.text()).contains("For good");
		var badLength = submit(moderator, "/moderation?tab=approved", "/moderation/comments/" + id + "/ban",
				Map.of("length", "eternity"));
		assertThat(badLength.status()).isEqualTo(400);
	}

	@Test
	void aBanStopsMatchingWhenItsTimeIsUp() {
		Instant now = Instant.now();
		String expired = newEmail();
		String running = newEmail();
		bans.add(null, expired, null, "", null, now.minus(Duration.ofDays(2)), now.minus(Duration.ofMinutes(1)));
		bans.add(null, running, null, "", null, now.minus(Duration.ofDays(2)), now.plus(Duration.ofDays(1)));
		assertThat(bans.active(null, expired, null, now)).isEmpty();
		assertThat(bans.active(null, running, null, now)).isPresent();
		assertThat(bans.active(null, running, null, now.plus(Duration.ofDays(2)))).isEmpty();
		String slug = newArticle("Expired ban");
		posted(post(slug, expired, "My time is up."), 201);
		assertThat(post(slug, running, "Not yet.").status()).isEqualTo(403);
	}

}
