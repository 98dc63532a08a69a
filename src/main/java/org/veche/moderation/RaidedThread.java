package org.veche.moderation;

import java.time.Instant;

import org.veche.publishing.Article;

/**
 * A thread that a raid (a burst of near-duplicate comments from new identities) switched
 * to pre-moderation.
 *
 * @param until when it opens again by itself
 */
public record RaidedThread(Article article, Instant until) {
}
