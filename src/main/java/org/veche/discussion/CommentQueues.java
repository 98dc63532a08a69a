package org.veche.discussion;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.veche.discussion.internal.Comments;

/**
 * Comments by status, newest first, as the moderators' queues list them: the queues page
 * through far more comments than any thread, so they read them apart from
 * {@link CommentRecords}.
 */
@Service
public class CommentQueues {

	private final Comments comments;

	CommentQueues(Comments comments) {
		this.comments = comments;
	}

	/** A page of comments with this status, newest first, for moderators. */
	public List<Comment> withStatus(CommentStatus status, int page, int size) {
		return comments.withStatus(status, Math.max(0, page - 1) * size, size);
	}

	/**
	 * Comments with this status from an offset on, newest first, for moderators' pages
	 * that group some of them.
	 */
	public List<Comment> withStatusFrom(CommentStatus status, int offset, int limit) {
		return comments.withStatus(status, Math.max(0, offset), limit);
	}

	public Map<CommentStatus, Integer> statusCounts() {
		return comments.statusCounts();
	}

}
