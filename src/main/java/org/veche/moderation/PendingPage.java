package org.veche.moderation;

import java.util.List;

/**
 * A page of the pending tab: groups of near-duplicate held comments first, then the other
 * held comments.
 *
 * @param pages how many pages the tab has, each group counting as one row
 */
public record PendingPage(List<HeldCluster> clusters, List<QueueItem> items, int pages) {

	public PendingPage {
		clusters = List.copyOf(clusters);
		items = List.copyOf(items);
	}

}
