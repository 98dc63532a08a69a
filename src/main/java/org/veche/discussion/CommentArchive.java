package org.veche.discussion;

import java.util.List;

import org.springframework.stereotype.Service;
import org.veche.discussion.internal.ExportedComments;

/**
 * Every comment of an article in every status, for moving the site elsewhere; the
 * administrator's exports are the only callers.
 */
@Service
public class CommentArchive {

	private final ExportedComments comments;

	CommentArchive(ExportedComments comments) {
		this.comments = comments;
	}

	/**
	 * Every comment of the article (approved, pending, spam and trash), oldest first,
	 * parents before replies.
	 */
	public List<ExportedComment> of(long articleId) {
		return comments.of(articleId);
	}

	public long count() {
		return comments.count();
	}

}
