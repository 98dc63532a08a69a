package org.veche.embed.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import org.springframework.stereotype.Component;
import org.veche.embed.PageUrl;
import org.veche.site.RejectedInput;
import org.veche.site.Cluster;
import org.veche.site.SiteSettings;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;

/**
 * The sites the owner lets embed this site's discussions, kept as a site setting. Every
 * cross-origin request asks, so the list is cached for a short while (another node of the
 * same site sees a change within that time).
 */
@Component
public class AllowedOrigins {

	static final String SETTING = "embed.allowed-origins";

	static final int MAX_ORIGINS = 200;

	private final SiteSettings settings;

	private final LoadingCache<String, List<String>> cache;

	private final Cluster cluster;

	AllowedOrigins(SiteSettings settings, Cluster cluster) {
		this.settings = settings;
		this.cluster = cluster;
		this.cache = Caffeine.newBuilder().expireAfterWrite(Duration.ofSeconds(30)).build(key -> load());
		cluster.listen(SETTING, any -> cache.invalidateAll());
	}

	public List<String> all() {
		return cache.get(SETTING);
	}

	public boolean allows(String origin) {
		return origin != null && all().contains(origin);
	}

	/**
	 * Replaces the list with the origins in the text (one a line, or separated by spaces
	 * or commas).
	 */
	public List<String> replace(String text) {
		var origins = new LinkedHashSet<String>();
		for (String each : (text == null ? "" : text).split("[\\s,]+")) {
			if (!each.isBlank()) {
				try {
					origins.add(PageUrl.origin(each));
				}
				catch (RejectedInput ex) {
					throw new RejectedInput("embed.origin.invalid",
							each.length() > 100 ? each.substring(0, 100) : each);
				}
			}
		}
		if (origins.size() > MAX_ORIGINS) {
			throw new RejectedInput("embed.origin.tooMany", MAX_ORIGINS);
		}
		settings.put(SETTING, String.join("\n", origins));
		cache.invalidateAll();
		cluster.tellAfterCommit(SETTING, "");
		return List.copyOf(origins);
	}

	private List<String> load() {
		var origins = new ArrayList<String>();
		for (String line : settings.get(SETTING).orElse("").split("\n")) {
			if (!line.isBlank()) {
				origins.add(line.strip());
			}
		}
		return List.copyOf(origins);
	}

}
