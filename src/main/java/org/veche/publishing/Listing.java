package org.veche.publishing;

import java.util.List;

/**
 * One page of a list of articles, and how many there are in all.
 */
public record Listing(List<ArticleSummary> articles, long total, int page, int size) {

	public int pages() {
		return (int) Math.max(1, (total + size - 1) / size);
	}

	public boolean hasNext() {
		return page < pages();
	}

	public boolean hasPrevious() {
		return page > 1;
	}

}
