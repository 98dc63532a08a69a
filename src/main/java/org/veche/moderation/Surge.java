package org.veche.moderation;

import java.time.Instant;
import java.util.List;

import org.veche.publishing.Article;

/**
 * A surge in force: a coordinated attack on several threads, with the evidence that
 * started it and keeps it on.
 *
 * @param comments the most near-duplicate comments of new identities one post found (in
 * the raid window)
 * @param addresses the distinct address hashes those came from
 * @param threads the threads hit, whose new identities' comments are held (every thread
 * when site-wide)
 * @param liftsAt when it lifts itself unless the attack goes on
 */
public record Surge(long id, Instant startedAt, boolean siteWide, int comments, int addresses, List<Article> threads,
		Instant liftsAt) {

	public Surge {
		threads = List.copyOf(threads);
	}

}
