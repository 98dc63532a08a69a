package org.veche.moderation.appeal;

import java.time.Instant;

import org.veche.discussion.CommentStatus;

/**
 * An author's request that moderators look again at their comment.
 *
 * @param accountId the author's account, or null for a guest
 * @param message what the author wrote, or empty (emptied some time after the decision)
 * @param statusThen where the comment stood when the author appealed
 * @param outcome how it was answered, or null while open
 * @param decidedBy the moderator's account, or null while open
 * @param decidedAt when it was answered, or null while open
 */
public record Appeal(long id, long commentId, Long accountId, String message, CommentStatus statusThen,
		Instant createdAt, AppealOutcome outcome, Long decidedBy, Instant decidedAt) {

	public boolean isOpen() {
		return outcome == null;
	}

}
