package org.veche.discussion;

/**
 * What a comment is: a reader's reply, or a notice from another site that linked to the
 * article (imported from WordPress, which received them; Veche itself takes no
 * pingbacks).
 */
public enum CommentKind {

	COMMENT, PINGBACK, TRACKBACK

}
