package org.veche.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.veche.moderation.DiscussionRules;
import org.veche.moderation.internal.RuleSettings;
import org.veche.support.TestMail;

/**
 * Issue 15: every comment with "notify me" ticked sent another "Confirm your
 * notifications" mail. Now an address has one pending confirmation, sent again at most
 * once a day and then listing everything that waits; once it confirms, its next request
 * is confirmed by a mail of its own at once.
 */
class OnePendingConfirmationIT extends NotificationSupport {

	@Autowired
	private RuleSettings rules;

	private DiscussionRules before;

	/**
	 * One reader writing several comments in a row: the flood limit is not what is tested
	 * here.
	 */
	@BeforeEach
	void noFloodLimit() {
		before = rules.rules();
		var r = before;
		rules.save(new DiscussionRules(r.holdLinks(), r.moderationWords(), r.disallowedWords(), false,
				r.nameAndEmailRequired(), r.closeAfterDays(), Duration.ZERO, r.maxLength(), r.guestsMayComment(),
				r.reportsToHold(), r.filterHold(), r.filterSpam(), r.raidSize()));
	}

	@AfterEach
	void restoreRules() {
		rules.save(before);
	}

	private void askedAgo(String email, Duration ago) {
		db.update(DSL.table("notification_reader"))
			.set(DSL.field("confirmation_asked_at", Long.class), Instant.now().minus(ago).toEpochMilli())
			.where(DSL.field("email", String.class).eq(email))
			.execute();
	}

	private static int occurrences(String text, String part) {
		return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
	}

	@Test
	void oneConfirmationPerAddressSentAgainAtMostOnceADay() throws Exception {
		String slug = newArticle("Talkative guest");
		String email = newEmail("talkative");
		for (int i = 1; i <= 3; i++) {
			postByForm(slug, null, "Sofiia", email, "Comment number " + i, true, false);
		}
		var first = TestMail.awaitMessage(email, 1);
		assertThat(TestMail.subject(first)).isEqualTo("Confirm your notifications from Veche");
		awaitOutboxEmpty();
		assertThat(queuedFor(email)).as("three comments, one confirmation").hasSize(1);

		// within the day: still nothing more
		askedAgo(email, Duration.ofHours(23));
		postByForm(slug, null, "Sofiia", email, "Comment number 4", true, false);
		awaitOutboxEmpty();
		assertThat(queuedFor(email)).hasSize(1);

		// a day later the next comment sends it again, listing all four that wait
		askedAgo(email, Duration.ofHours(25));
		postByForm(slug, null, "Sofiia", email, "Comment number 5", true, false);
		var second = TestMail.awaitMessage(email, 2);
		assertThat(occurrences(TestMail.text(second), "Replies to your comment on")).isEqualTo(5);
		awaitOutboxEmpty();
		assertThat(queuedFor(email)).hasSize(2).allMatch(key -> key.startsWith("confirm:"));

		// confirmed: the address's next request is asked about at once, in a mail of its
		// own
		confirm(second);
		postByForm(slug, null, "Sofiia", email, "Comment number 6", true, false);
		var third = TestMail.awaitMessage(email, 3);
		assertThat(occurrences(TestMail.text(third), "Replies to your comment on")).isEqualTo(1);
	}

}
