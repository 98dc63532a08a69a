package org.veche.discussion;

import java.util.List;

import org.springframework.stereotype.Service;
import org.veche.discussion.internal.Comments;
import org.veche.site.Found;
import org.veche.site.SearchQuery;

/**
 * The search page's half for comments: approved comments holding every word of a query.
 * Whose articles readers may see is not asked here (publishing says).
 */
@Service
public class CommentSearch {

	private final Comments comments;

	CommentSearch(Comments comments) {
		this.comments = comments;
	}

	/** How many approved comments the query finds. */
	public long count(SearchQuery query) {
		return comments.countFound(query);
	}

	/** Approved comments holding every word of the query, best first. */
	public Found<CommentHit> find(SearchQuery query, int page, int size) {
		int safePage = Math.max(1, page);
		int safeSize = Math.clamp(size, 1, 50);
		long total = comments.countFound(query);
		var hits = total == 0 ? List.<CommentHit>of() : comments.search(query, (safePage - 1) * safeSize, safeSize);
		return new Found<>(hits, total, safePage, safeSize);
	}

}
