package org.veche.moderation.internal;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;

import org.springframework.stereotype.Component;
import org.veche.moderation.SurgeRules;
import org.veche.site.Cluster;
import org.veche.site.SiteSettings;

/**
 * Surge mode's settings as site settings, read on every new identity's comment and so kept for a few seconds (at
 * once anew on this node when saved, on the other nodes when they hear of it).
 */
@Component
public class SurgeSettings {

	private static final String TOPIC = "moderation.surge";

	private static final String PREFIX = "moderation.surge-";

	private final SiteSettings settings;

	private final SurgeProperties defaults;

	private final Cluster cluster;

	private final LoadingCache<String, SurgeRules> cache = Caffeine.newBuilder()
		.expireAfterWrite(Duration.ofSeconds(5))
		.build(key -> load());

	SurgeSettings(SiteSettings settings, SurgeProperties defaults, Cluster cluster) {
		this.settings = settings;
		this.defaults = defaults;
		this.cluster = cluster;
		cluster.listen(TOPIC, any -> cache.invalidateAll());
	}

	public SurgeRules rules() {
		return cache.get("rules");
	}

	public void save(SurgeRules rules) {
		settings.put(PREFIX + "size", String.valueOf(rules.size()));
		settings.put(PREFIX + "threads", String.valueOf(rules.threads()));
		settings.put(PREFIX + "site-wide-threads", String.valueOf(rules.siteWideThreads()));
		settings.put(PREFIX + "quiet-seconds", String.valueOf(rules.quiet().toSeconds()));
		cache.invalidateAll();
		cluster.tellAfterCommit(TOPIC, "");
	}

	private SurgeRules load() {
		return new SurgeRules(read("size", Integer::valueOf, defaults.size()),
				read("threads", Integer::valueOf, defaults.threads()),
				read("site-wide-threads", Integer::valueOf, defaults.siteWideThreads()),
				read("quiet-seconds", s -> Duration.ofSeconds(Long.parseLong(s)), defaults.quiet()));
	}

	private <T> T read(String name, Function<String, T> parse, T fallback) {
		Optional<String> stored = settings.get(PREFIX + name);
		try {
			return stored.map(parse).orElse(fallback);
		}
		catch (RuntimeException unreadable) {
			// a value edited by hand in the database must not stop every comment
			return fallback;
		}
	}

}
