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
import org.veche.moderation.Reason;
import org.veche.moderation.Reason.Kind;
import org.veche.moderation.filter.FilterInput;
import org.veche.moderation.filter.FilterScore;
import org.veche.moderation.filter.FilterTask;
import org.veche.moderation.filter.LearningFilter;
import org.veche.publishing.Article;
import org.veche.site.RejectedInput;

/**
 * The rules applied to every new comment before it is stored, WordPress's order of
 * things: refusals first (closed, banned, too fast, too long), then the disallowed list
 * sends to spam, then anything that holds. Staff are let through, as WordPress lets
 * through whoever may moderate. A question only: what is kept once the comment is stored
 * is {@link ScreenedComments}'s.
 */
@Component
class Screening implements CommentScreen {

	/**
	 * WordPress's count of links: every "//" after an optional scheme, in the text as
	 * written.
	 */
	private static final Pattern LINK = Pattern.compile("(?i)(?:https?:)?//");

	private final RuleSettings settings;

	private final Bans bans;

	private final Clock clock;

	private final RaidDetector raids;

	private final Sightings sightings;

	private final LearningFilter filter;

	private final Akismet akismet;

	private final SurgeMode surges;

	Screening(RuleSettings settings, Bans bans, Clock clock, RaidDetector raids, Sightings sightings,
			LearningFilter filter, Akismet akismet, SurgeMode surges) {
		this.surges = surges;
		this.filter = filter;
		this.akismet = akismet;
		this.settings = settings;
		this.bans = bans;
		this.clock = clock;
		this.raids = raids;
		this.sightings = sightings;
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
	public Duration editWindow() {
		return settings.rules().editWindow();
	}

	@Override
	public Judgement screen(Candidate c) {
		DiscussionRules rules = settings.rules();
		if (c.staff()) {
			return Judgement.APPROVED;
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
		List<Reason> spam = new ArrayList<>();
		List<Reason> held = new ArrayList<>();
		firstWord(rules.disallowedWords(), c).ifPresent(word -> spam.add(Reason.of(Kind.DISALLOWED, word)));
		firstWord(rules.moderationWords(), c).ifPresent(word -> held.add(Reason.of(Kind.WORD, word)));
		int links = links(c.body());
		if (rules.holdLinks() > 0 && links >= rules.holdLinks()) {
			held.add(Reason.of(Kind.LINKS, links));
		}
		if (c.article().discussion() == Article.Discussion.PREMODERATED) {
			held.add(Reason.of(Kind.PREMODERATED));
		}
		if (rules.holdFirstComment() && !c.approvedBefore()) {
			held.add(Reason.of(Kind.FIRST_COMMENT));
		}
		if (raids.premoderatedUntil(c.article().id(), c.at()).isPresent()) {
			held.add(Reason.of(Kind.RAID_THREAD));
		}
		// the raid detector and surge mode off (size 0) cost nothing: no signature taken,
		// none remembered
		boolean surgeOn = surges.rules().on();
		if (!c.approvedBefore() && (rules.raidSize() > 0 || surgeOn)) {
			long[] signature = raids.signature(c.body());
			var raid = rules.raidSize() > 0 ? raids.check(c.article().id(), signature, c.at(), rules.raidSize())
					: Optional.<RaidDetector.Raid>empty();
			SurgeMode.Evidence surge = surgeOn ? surges.evidence(c.article().id(), signature, c.addressHash(), c.at())
					: null;
			sightings.saw(c, new Sightings.Checked(signature, raid.orElse(null), surge));
			raid.ifPresent(r -> held.add(raidReason(r.cluster())));
			if (surge != null && (surge.passes() || surges.holds(c.article().id(), c.at()))) {
				held.add(SurgeMode.REASON);
			}
		}
		var input = new FilterInput(c.body(), c.authorName(), c.email(), c.url(), !c.approvedBefore(),
				!c.approvedBefore());
		for (var scored : filter.scores(input).entrySet()) {
			FilterTask task = scored.getKey();
			FilterScore score = scored.getValue();
			Kind kind = switch (task) {
				case SPAM -> Kind.FILTER_SPAM;
				case ABUSE -> Kind.FILTER_ABUSE;
			};
			Reason reason = Reason.of(kind, Math.round(score.probability() * 100), score.explained());
			if (score.probability() > rules.filterSpam()) {
				spam.add(reason);
			}
			else if (score.probability() > rules.filterHold()) {
				held.add(reason);
			}
		}
		// Akismet only when the owner turned it on, and only for what the site's own
		// rules did not send to spam
		if (spam.isEmpty() && akismet.enabled() && akismet.isSpam(submission(c)).orElse(false)) {
			spam.add(Reason.of(Kind.AKISMET));
		}
		if (!spam.isEmpty()) {
			spam.addAll(held);
			return new Judgement(CommentStatus.SPAM, spam);
		}
		return held.isEmpty() ? Judgement.APPROVED : new Judgement(CommentStatus.PENDING, held);
	}

	private Akismet.Submission submission(Candidate c) {
		return new Akismet.Submission(c.body(), c.authorName(), c.email(), c.url(), c.address(), c.article().path());
	}

	static Reason raidReason(long cluster) {
		return Reason.of(Kind.RAID, cluster);
	}

	static int links(String text) {
		Matcher m = LINK.matcher(text);
		int n = 0;
		while (m.find()) {
			n++;
		}
		return n;
	}

	/**
	 * The first listed word found, case-folded, anywhere in the text, name, e-mail or
	 * website (as WordPress).
	 */
	static Optional<String> firstWord(List<String> words, Candidate c) {
		if (words.isEmpty()) {
			return Optional.empty();
		}
		String haystack = String.join("\n", c.body(), c.authorName(), c.email(), c.url() == null ? "" : c.url())
			.toLowerCase(Locale.ROOT);
		return words.stream().filter(w -> haystack.contains(w.toLowerCase(Locale.ROOT))).findFirst();
	}

}
