package org.veche.discussion;

import java.io.Serializable;

/**
 * What a guest had typed when they left the form to sign in, kept in their session until
 * they are back.
 *
 * @param articlePath the article the form belongs to
 */
public record CommentDraft(String articlePath, String name, String email, String url,
		String body) implements Serializable {

	static final String ATTRIBUTE = CommentDraft.class.getName();

}
