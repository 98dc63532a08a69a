package org.veche.moderation.internal;

import java.util.List;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.veche.discussion.Comment;
import org.veche.discussion.CommentScreen.Candidate;
import org.veche.discussion.CommentRecords;
import org.veche.discussion.CommentScreened;
import org.veche.discussion.CommentStatus;
import org.veche.discussion.Discussions;
import org.veche.moderation.Reason;

/**
 * What moderation keeps once a comment {@link Screening} judged is stored, in the same
 * transaction: the screen's reasons beside it, its text for the raid detector, and the
 * earlier comments a raid or a surge it completes showed, held with it. Apart from the
 * screen, which discussion calls, so that the two modules' beans need no loop: discussion
 * asks the screen, then tells this.
 */
@Component
class ScreenedComments {

	private final Reasons reasons;

	private final RuleSettings settings;

	private final RaidDetector raids;

	private final SurgeMode surges;

	private final Sightings sightings;

	private final Discussions discussions;

	private final CommentRecords records;

	ScreenedComments(Reasons reasons, RuleSettings settings, RaidDetector raids, SurgeMode surges, Sightings sightings,
			Discussions discussions, CommentRecords records) {
		this.reasons = reasons;
		this.settings = settings;
		this.raids = raids;
		this.surges = surges;
		this.sightings = sightings;
		this.discussions = discussions;
		this.records = records;
	}

	@EventListener
	void kept(CommentScreened screened) {
		long commentId = screened.commentId();
		Candidate candidate = screened.candidate();
		reasons.add(commentId, Judgement.of(screened.verdict()), candidate.at());
		Sightings.Checked checked = sightings.taken(candidate);
		if (candidate.staff() || candidate.approvedBefore()
				|| checked == null && settings.rules().raidSize() <= 0 && !surges.rules().on()) {
			return;
		}
		RaidDetector.Raid raid = checked == null ? null : checked.raid();
		long[] signature = checked == null ? raids.signature(candidate.body()) : checked.signature();
		List<Long> joined = raids.remember(candidate.article().id(), commentId, signature, candidate.at(), raid,
				candidate.addressHash());
		if (checked != null && checked.surge() != null && checked.surge().passes()
				&& surges.attacked(checked.surge(), candidate.at())) {
			// the attack so far is held with the post that showed it: what of it was
			// shown is taken down
			Reason reason = SurgeMode.REASON;
			Map<Long, List<Reason>> known = reasons.of(checked.surge().earlier());
			for (long earlier : checked.surge().earlier()) {
				var status = records.comment(earlier).map(Comment::status).orElse(null);
				if (status == CommentStatus.APPROVED) {
					discussions.changeStatus(earlier, CommentStatus.PENDING);
				}
				boolean held = status == CommentStatus.APPROVED || status == CommentStatus.PENDING;
				if (held && !known.getOrDefault(earlier, List.of()).contains(reason)) {
					reasons.add(earlier, List.of(reason), candidate.at());
				}
			}
		}
		if (raid == null) {
			return;
		}
		// the burst is held as one: what of it was already shown is taken down with the
		// rest
		Reason reason = Screening.raidReason(raid.cluster());
		Map<Long, List<Reason>> known = reasons.of(joined);
		for (long earlier : joined) {
			records.comment(earlier)
				.filter(Comment::isApproved)
				.ifPresent(shown -> discussions.changeStatus(earlier, CommentStatus.PENDING));
			if (!known.getOrDefault(earlier, List.of()).contains(reason)) {
				reasons.add(earlier, List.of(reason), candidate.at());
			}
		}
	}

}
