package org.veche.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.veche.identity.Role;

/**
 * The optional Akismet adapter, turned on against a local server that speaks Akismet's
 * protocol: a comment it calls spam goes to spam with that reason, what is sent is what
 * the privacy page lists, and a moderator's spam and not-spam are submitted back. (Its
 * own context: the adapter is off everywhere else.)
 */
class AkismetIT extends ModerationSupport {

	private static final AkismetServer AKISMET = new AkismetServer();

	@DynamicPropertySource
	static void akismet(DynamicPropertyRegistry registry) {
		registry.add("veche.moderation.akismet.key", () -> AkismetServer.KEY);
		registry.add("veche.moderation.akismet.site", () -> "https://news.example.org");
		registry.add("veche.moderation.akismet.endpoint", AKISMET::endpoint);
	}

	@Autowired
	private RuleBook ruleBook;

	@Test
	void akismetsSpamGoesToSpamAndCorrectionsAreSubmitted() {
		assertThat(ruleBook.akismetEnabled()).isTrue();
		assertThat(ruleBook.akismetSends()).contains("comment_content", "comment_author_email", "user_ip");
		assertThat(http.get("/privacy").body()).contains("Akismet");
		String slug = newArticle("Akismet");
		String address = newAddress();
		var spam = http.from(address)
			.postJson("/api/v1/articles/" + slug + "/comments", reply(null, "viagra-test-123", newEmail(), "Buy now."));
		assertThat(spam.status()).isEqualTo(202);
		long spamId = spam.json().get("id").asLong();
		var check = AKISMET.calls.stream().filter(c -> c.method().equals("comment-check")).toList().getLast();
		assertThat(check.form()).containsEntry("user_ip", address)
			.containsEntry("comment_content", "Buy now.")
			.containsEntry("comment_author", "viagra-test-123")
			.containsEntry("blog", "https://news.example.org")
			.containsEntry("permalink", "/articles/" + slug);

		long fine = posted(post(slug, newEmail(), "A fair point about the council."), 201);

		var moderator = session(Role.MODERATOR);
		var item = moderator.get("/moderation?tab=spam").html().getElementById("item-" + spamId);
		assertThat(item.select(".reasons .reason").eachText()).containsExactly("Akismet says it is spam");
		submit(moderator, "/moderation?tab=spam", "/moderation/comments/" + spamId + "/decide",
				Map.of("decision", "not-spam"));
		submit(moderator, "/moderation?tab=approved", "/moderation/comments/" + fine + "/decide",
				Map.of("decision", "spam"));
		var submitted = AKISMET.calls.stream().filter(c -> c.method().startsWith("submit-")).toList();
		assertThat(submitted).extracting(AkismetServer.Call::method).containsExactly("submit-ham", "submit-spam");
		assertThat(submitted.getLast().form()).containsEntry("comment_content", "A fair point about the council.");
	}

}
