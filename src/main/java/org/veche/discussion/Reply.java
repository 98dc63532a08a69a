package org.veche.discussion;

/**
 * What a reader submits from the "Leave a reply" form or the API, before the site checks
 * it.
 *
 * @param parentId the comment answered, or null
 * @param notifyReplies "notify me of replies to my comment" was ticked
 * @param notifyAllComments "notify me of all new comments on this article" was ticked
 */
public record Reply(Long parentId, String authorName, String authorEmail, String authorUrl, String body,
		boolean notifyReplies, boolean notifyAllComments) {

	public Reply(Long parentId, String authorName, String authorEmail, String authorUrl, String body) {
		this(parentId, authorName, authorEmail, authorUrl, body, false, false);
	}

}
