package org.veche.discussion;

/**
 * A comment moved from one status to another (a moderator approved it, marked it spam,
 * trashed it): readers' pages, feeds and notifications follow, and only a move to
 * approved makes a comment visible.
 */
public record CommentStatusChanged(long commentId, long articleId, Long parentId, CommentStatus from,
		CommentStatus to) {

	public boolean becameVisible() {
		return to == CommentStatus.APPROVED && from != CommentStatus.APPROVED;
	}

	public boolean becameHidden() {
		return from == CommentStatus.APPROVED && to != CommentStatus.APPROVED;
	}

}
