package org.veche.moderation.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.veche.discussion.CommentScreen;
import org.veche.discussion.CommentStatus;
import org.veche.moderation.DiscussionRules;
import org.veche.publishing.Article;
import org.veche.site.RejectedInput;

/**
 * The rules applied to every new comment before it is stored, WordPress's order of things: refusals first
 * (closed, banned, too fast, too long), then the disallowed list sends to spam, then anything that holds. Staff
 * are let through, as WordPress lets through whoever may moderate.
 */
@Component
class Screening implements CommentScreen {

	/** WordPress's count of links: every "//" after an optional scheme, in the text as written. */
	private static final Pattern LINK = Pattern.compile("(?i)(?:https?:)?//");

	private final RuleSettings settings;

	private final Reasons reasons;

	private final Bans bans;

	private final Clock clock;

	Screening(RuleSettings settings, Reasons reasons, Bans bans, Clock clock) {
		this.settings = settings;
		this.reasons = reasons;
		this.bans = bans;
		this.clock = clock;
	}

	@Override
	public Openness openness(Article article) {
		DiscussionRules rules = settings.rules();
		return new Openness(closed(article, rules), rules.guestsMayComment(), rules.nameAndEmailRequired());
	}

	private boolean closed(Article article, DiscussionRules rules) {
		if (article.discussion() == Article.Discussion.CLOSED) {
			return true;
		}
		return rules.closeAfterDays() > 0 && article.publishedAt() != null
				&& article.publishedAt().plus(Duration.ofDays(rules.closeAfterDays())).isBefore(clock.instant());
	}

	@Override
	public Verdict screen(Candidate c) {
		DiscussionRules rules = settings.rules();
		if (c.staff()) {
			return Verdict.APPROVED;
		}
		if (bans.active(c.accountId(), c.email(), c.addressHash(), c.at()).isPresent()) {
			throw new RejectedInput(HttpStatus.FORBIDDEN, "moderation.banned");
		}
		Duration interval = rules.floodInterval();
		if (c.lastPost() != null && c.lastPost().plus(interval).isAfter(c.at())) {
			throw new RejectedInput(HttpStatus.TOO_MANY_REQUESTS, "comment.flood", interval.toSeconds());
		}
		if (c.body().length() > rules.maxLength()) {
			throw new RejectedInput("comment.body.tooLong", rules.maxLength());
		}
		List<String> spam = new ArrayList<>();
		List<String> held = new ArrayList<>();
		firstWord(rules.disallowedWords(), c).ifPresent(word -> spam.add(Reasons.of("moderation.reason.disallowed", word)));
		firstWord(rules.moderationWords(), c).ifPresent(word -> held.add(Reasons.of("moderation.reason.word", word)));
		int links = links(c.body());
		if (rules.holdLinks() > 0 && links >= rules.holdLinks()) {
			held.add(Reasons.of("moderation.reason.links", links));
		}
		if (c.article().discussion() == Article.Discussion.PREMODERATED) {
			held.add(Reasons.of("moderation.reason.premoderated"));
		}
		if (rules.holdFirstComment() && !c.approvedBefore()) {
			held.add(Reasons.of("moderation.reason.firstComment"));
		}
		// FILTER: where the learning filter (moderation.filter.LearningFilter) is asked, once it is on main:
		// a probability above rules.filterSpam() adds to spam, above rules.filterHold() to held, each reason
		// carrying the score and its strongest words (Reasons.of("moderation.reason.filter", task, p, words)).
		if (!spam.isEmpty()) {
			spam.addAll(held);
			return new Verdict(CommentStatus.SPAM, spam);
		}
		return held.isEmpty() ? Verdict.APPROVED : new Verdict(CommentStatus.PENDING, held);
	}

	@Override
	public void kept(long commentId, Candidate candidate, Verdict verdict) {
		reasons.add(commentId, verdict.reasons(), candidate.at());
	}

	static int links(String text) {
		Matcher m = LINK.matcher(text);
		int n = 0;
		while (m.find()) {
			n++;
		}
		return n;
	}

	/** The first listed word found, case-folded, anywhere in the text, name, e-mail or website (as WordPress). */
	static Optional<String> firstWord(List<String> words, Candidate c) {
		if (words.isEmpty()) {
			return Optional.empty();
		}
		String haystack = String.join("\n", c.body(), c.authorName(), c.email(), c.url() == null ? "" : c.url())
			.toLowerCase(Locale.ROOT);
		return words.stream().filter(w -> haystack.contains(w.toLowerCase(Locale.ROOT))).findFirst();
	}

}
