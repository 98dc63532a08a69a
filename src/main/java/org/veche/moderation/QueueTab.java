package org.veche.moderation;

import java.util.Locale;

import org.veche.discussion.CommentStatus;

/**
 * The tabs of the moderation queue: four statuses, and comments that readers reported.
 */
public enum QueueTab {

	PENDING(CommentStatus.PENDING), REPORTED(null), SPAM(CommentStatus.SPAM), APPROVED(CommentStatus.APPROVED),
	TRASH(CommentStatus.TRASH);

	private final CommentStatus status;

	QueueTab(CommentStatus status) {
		this.status = status;
	}

	/**
	 * The status this tab lists, or null for reported comments, whatever their status.
	 */
	public CommentStatus status() {
		return status;
	}

	public String param() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static QueueTab parse(String value) {
		for (QueueTab tab : values()) {
			if (tab.param().equals(value)) {
				return tab;
			}
		}
		return PENDING;
	}

}
