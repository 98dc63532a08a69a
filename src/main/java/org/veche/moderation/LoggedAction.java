package org.veche.moderation;

import java.time.Instant;

/**
 * One line of the moderation log.
 *
 * @param action what was done: approve, spam, not-spam, trash, edit, reply, ban,
 * lift-ban, hold, settings
 * @param commentId the comment it was done to, or null
 * @param detail what else there is to know (the reason, the ban's length), or empty
 */
public record LoggedAction(long id, Long moderatorId, String moderatorName, String action, Long commentId,
		String detail, Instant at) {
}
