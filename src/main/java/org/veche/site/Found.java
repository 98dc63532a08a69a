package org.veche.site;

import java.util.List;

/**
 * One page of what a search found, and how many there are in all.
 */
public record Found<T>(List<T> items, long total, int page, int size) {

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
