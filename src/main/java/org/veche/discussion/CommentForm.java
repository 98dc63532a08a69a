package org.veche.discussion;

/**
 * What the "Leave a reply" form shows: the values typed so far and why they were refused, if they were.
 * @param parent the comment being answered, or null
 * @param error a message key, or null
 */
public record CommentForm(String action, Comment parent, String name, String email, String url, String body,
		String error, Object[] errorArgs) {

	public static CommentForm blank(String articlePath, Comment parent) {
		return new CommentForm(articlePath + "/comments", parent, "", "", "", "", null, new Object[0]);
	}

}
