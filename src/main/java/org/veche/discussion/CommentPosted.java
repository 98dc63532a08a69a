package org.veche.discussion;

import java.util.List;

/**
 * A reader posted a comment; its status says whether readers can see it yet.
 *
 * @param mentioned the earlier comments of the thread whose authors it mentions by
 * {@code @name}
 */
public record CommentPosted(long commentId, long articleId, Long parentId, CommentStatus status, List<Long> mentioned) {

	public CommentPosted {
		mentioned = mentioned == null ? List.of() : List.copyOf(mentioned);
	}

	public CommentPosted(long commentId, long articleId, Long parentId, CommentStatus status) {
		this(commentId, articleId, parentId, status, List.of());
	}

}
