package org.veche.discussion;

import java.util.List;

/**
 * One page of a thread: a slice of the top-level comments with all their replies.
 *
 * @param total approved comments in the whole thread
 * @param page from 1
 */
public record ThreadPage(long articleId, List<ThreadNode> roots, int total, int page, int pages, ThreadOrder order) {

	public boolean hasPrevious() {
		return page > 1;
	}

	public boolean hasNext() {
		return page < pages;
	}

}
