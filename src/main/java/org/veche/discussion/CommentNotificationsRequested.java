package org.veche.discussion;

/**
 * The author of a new comment asked to be mailed replies to it or every new comment on
 * its article. Published with {@link CommentPosted}; the author's address leaves the
 * discussion module only in this event, for the module that asks the address to confirm
 * and then mails it.
 *
 * @param accountId the signed-in account that wrote it (its verified address needs no
 * confirmation), or null
 */
public record CommentNotificationsRequested(long commentId, long articleId, String email, Long accountId,
		boolean replies, boolean allComments) {
}
