package org.veche.discussion;

/**
 * Where a comment stands: only approved comments are shown to readers.
 */
public enum CommentStatus {

	APPROVED, PENDING, SPAM, TRASH

}
