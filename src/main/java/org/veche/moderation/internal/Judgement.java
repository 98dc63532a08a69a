package org.veche.moderation.internal;

import java.util.List;

import org.veche.discussion.CommentScreen;
import org.veche.discussion.CommentStatus;
import org.veche.moderation.Reason;

/**
 * Moderation's verdict on a new comment: the status it is stored with and why, the
 * reasons kept beside it once it is stored (discussion hands the verdict back in its
 * {@link org.veche.discussion.CommentScreened}).
 *
 * @param reasons empty for an approved comment
 */
record Judgement(CommentStatus status, List<Reason> reasons) implements CommentScreen.Verdict {

	static final Judgement APPROVED = new Judgement(CommentStatus.APPROVED, List.of());

	Judgement {
		reasons = List.copyOf(reasons);
	}

	/** The reasons of a verdict moderation gave; none for any other. */
	static List<Reason> of(CommentScreen.Verdict verdict) {
		return verdict instanceof Judgement judgement ? judgement.reasons() : List.of();
	}

}
