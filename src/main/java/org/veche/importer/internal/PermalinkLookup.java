package org.veche.importer.internal;

import java.time.Duration;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.stereotype.Component;
import org.veche.publishing.Article;
import org.veche.publishing.ArticleLookup;
import org.veche.site.Cluster;

/**
 * Where an old address leads now, remembered for a while, so that a moved site's readers
 * are redirected at the cost of a map lookup, and a site that never imported pays only
 * one flag per request.
 */
@Component
public class PermalinkLookup {

	private static final String TOPIC = "importer.permalinks";

	private final OldPermalinks permalinks;

	private final ArticleLookup publishing;

	private final Cache<String, Optional<String>> targets = Caffeine.newBuilder()
		.maximumSize(10_000)
		.expireAfterWrite(Duration.ofMinutes(10))
		.build();

	private volatile Boolean any;

	private final Cluster cluster;

	PermalinkLookup(OldPermalinks permalinks, ArticleLookup publishing, Cluster cluster) {
		this.permalinks = permalinks;
		this.publishing = publishing;
		this.cluster = cluster;
		cluster.listen(TOPIC, any -> forgetHere());
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
		return targets.get(oldAddress, key -> permalinks.article(key).flatMap(publishing::article).map(Article::path));
	}

	/** After an import: addresses may have been added. */
	public void forget() {
		forgetHere();
		cluster.tellAfterCommit(TOPIC, "");
	}

	private void forgetHere() {
		any = null;
		targets.invalidateAll();
	}

}
