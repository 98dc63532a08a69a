package org.veche.moderation.internal;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;

import org.veche.site.Cluster;
import org.veche.site.SiteSettings;

/**
 * A group of named site settings read on every new comment, and so kept for a few
 * seconds: forgotten at once on this node when saved, and on the other nodes when they
 * hear of it. A value edited by hand in the database that no longer parses reads as its
 * default, so that it cannot stop every comment.
 */
final class KeptSettings<T> {

	private final SiteSettings settings;

	private final Cluster cluster;

	private final String topic;

	private final String prefix;

	private final LoadingCache<String, T> cache;

	KeptSettings(SiteSettings settings, Cluster cluster, String topic, String prefix,
			Function<KeptSettings<T>, T> load) {
		this.settings = settings;
		this.cluster = cluster;
		this.topic = topic;
		this.prefix = prefix;
		this.cache = Caffeine.newBuilder().expireAfterWrite(Duration.ofSeconds(5)).build(key -> load.apply(this));
		cluster.listen(topic, any -> cache.invalidateAll());
	}

	T get() {
		return cache.get("all");
	}

	void put(String name, Object value) {
		settings.put(prefix + name, String.valueOf(value));
	}

	/**
	 * After the puts of a save: this node reads them at once, the others once the
	 * transaction commits.
	 */
	void saved() {
		cache.invalidateAll();
		cluster.tellAfterCommit(topic, "");
	}

	<V> V read(String name, Function<String, V> parse, V fallback) {
		Optional<String> stored = settings.get(prefix + name);
		try {
			return stored.map(parse).orElse(fallback);
		}
		catch (RuntimeException unreadable) {
			return fallback;
		}
	}

}
