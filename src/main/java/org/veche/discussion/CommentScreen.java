package org.veche.discussion;

import java.time.Instant;

import org.veche.publishing.Article;

/**
 * What a module that moderates discussions answers before a comment is stored. The
 * discussion module owns this interface and moderation implements it, so that discussion
 * never depends on moderation; without an implementation every comment is approved. The
 * exchange has two halves: discussion asks here (a question, no change), stores the
 * comment with the verdict's status, then tells what it stored with
 * {@link CommentScreened} in the same transaction, on which the screen's module keeps its
 * reasons.
 */
public interface CommentScreen {

	/** What the comment form may offer on this article, for this site's rules. */
	Openness openness(Article article);

	/**
	 * Decides a new comment's status. A refusal (comments closed, a ban, the flood limit,
	 * too long) is thrown as a RejectedInput and nothing is stored.
	 */
	Verdict screen(Candidate candidate);

	/**
	 * How long after posting its author may still edit or delete a comment (a site
	 * setting where there is one).
	 */
	default java.time.Duration editWindow() {
		return DEFAULT_EDIT_WINDOW;
	}

	java.time.Duration DEFAULT_EDIT_WINDOW = java.time.Duration.ofMinutes(10);

	/**
	 * The comment as it would be stored.
	 *
	 * @param accountId the author's account, or null for a guest
	 * @param approvedBefore whether the author (account, else e-mail) already has an
	 * approved comment
	 * @param lastPost when the same address hash or e-mail last commented, or null
	 * @param addressHash the keyed hash of the author's network address, or null
	 * @param staff editors, moderators and administrators, whom the rules let through
	 * @param address the author's network address itself, never stored; only an outside
	 * spam service the owner turned on (Akismet) may be sent it
	 */
	record Candidate(Article article, Long parentId, String authorName, String email, String url, Long accountId,
			boolean approvedBefore, String body, String addressHash, boolean staff, Instant lastPost, Instant at,
			String address) {

		/** Without the address, for equality and logs. */
		@Override
		public String toString() {
			return "Candidate[article=" + article.id() + ", account=" + accountId + "]";
		}

	}

	/**
	 * The answer: the status the comment is stored with. A screen answers with a verdict
	 * of its own kind that says why (moderation's carries its reasons) and finds it again
	 * in {@link CommentScreened}; discussion reads only the status.
	 */
	interface Verdict {

		CommentStatus status();

		/** Approved, with nothing to say. */
		Verdict APPROVED = () -> CommentStatus.APPROVED;

	}

	/**
	 * @param closed no new comments: the form is replaced by "Comments are closed"
	 * @param guestsMayComment people who are not signed in may comment
	 * @param nameAndEmailRequired guests must give a name and an e-mail address
	 */
	record Openness(boolean closed, boolean guestsMayComment, boolean nameAndEmailRequired) {
	}

}
