package org.veche.moderation;

import java.time.Duration;

/**
 * When the site decides it is under a coordinated attack on several threads at once
 * (surge mode), as the administrator sets it beside the raid settings.
 *
 * @param size near-duplicate comments from new identities, site-wide within the raid
 * window, that start a surge; half as many do when they come from few address hashes (at
 * most one for every two comments); 0 turns surge mode off
 * @param threads how many threads those comments must span
 * @param siteWideThreads threads hit that widen the pre-moderation of new identities to
 * the whole site
 * @param quiet how long the attack must have been quiet before the surge lifts itself
 */
public record SurgeRules(int size, int threads, int siteWideThreads, Duration quiet) {

	public boolean on() {
		return size > 0;
	}

	/**
	 * Whether near-duplicates found this way are an attack.
	 * @param comments near-duplicate comments of new identities, this one included
	 * @param threadsHit the threads they were posted on
	 * @param addresses the distinct address hashes they came from
	 */
	public boolean passedBy(int comments, int threadsHit, int addresses) {
		if (!on() || threadsHit < threads) {
			return false;
		}
		return comments >= size || comments * 2 >= size && addresses * 2 <= comments;
	}

}
