package org.veche.moderation;

import java.util.List;

/**
 * The site went into surge mode (published in the transaction of the comment that showed
 * the attack), so that moderators are told once per surge.
 *
 * @param threadIds the threads hit so far
 */
public record SurgeStarted(long surgeId, int comments, int addresses, List<Long> threadIds, boolean siteWide) {

	public SurgeStarted {
		threadIds = List.copyOf(threadIds);
	}

}
