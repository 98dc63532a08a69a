package org.veche.importer.internal;

import java.time.Duration;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.stereotype.Component;
import org.veche.publishing.Article;
import org.veche.publishing.Publishing;

/**
 * Where an old address leads now, remembered for a while, so that a moved site's readers are redirected at
 * the cost of a map lookup, and a site that never imported pays only one flag per request.
 */
@Component
public class PermalinkLookup {

	private final OldPermalinks permalinks;

	private final Publishing publishing;

	private final Cache<String, Optional<String>> targets = Caffeine.newBuilder()
		.maximumSize(10_000)
		.expireAfterWrite(Duration.ofMinutes(10))
		.build();

	private volatile Boolean any;

	PermalinkLookup(OldPermalinks permalinks, Publishing publishing) {
		this.permalinks = permalinks;
		this.publishing = publishing;
	}

	/** The new path for an old address in {@link OldAddresses}' spelling. */
	public Optional<String> target(String oldAddress) {
		Boolean known = any;
		if (known == null) {
			known = permalinks.any();
			any = known;
		}
		if (!known) {
			return Optional.empty();
		}
		return targets.get(oldAddress,
				key -> permalinks.article(key).flatMap(publishing::article).map(Article::path));
	}

	/** After an import: addresses may have been added. */
	public void forget() {
		any = null;
		targets.invalidateAll();
	}

}
