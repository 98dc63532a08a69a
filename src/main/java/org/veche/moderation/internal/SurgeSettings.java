package org.veche.moderation.internal;

import java.time.Duration;

import org.springframework.stereotype.Component;
import org.veche.moderation.SurgeRules;
import org.veche.site.Cluster;
import org.veche.site.SiteSettings;

/**
 * Surge mode's settings as site settings, read on every new identity's comment and so
 * kept for a few seconds (at once anew on this node when saved, on the other nodes when
 * they hear of it).
 */
@Component
public class SurgeSettings {

	private final SurgeProperties defaults;

	private final KeptSettings<SurgeRules> kept;

	SurgeSettings(SiteSettings settings, SurgeProperties defaults, Cluster cluster) {
		this.defaults = defaults;
		this.kept = new KeptSettings<>(settings, cluster, "moderation.surge", "moderation.surge-", this::load);
	}

	public SurgeRules rules() {
		return kept.get();
	}

	public void save(SurgeRules rules) {
		kept.put("size", rules.size());
		kept.put("threads", rules.threads());
		kept.put("site-wide-threads", rules.siteWideThreads());
		kept.put("quiet-seconds", rules.quiet().toSeconds());
		kept.saved();
	}

	private SurgeRules load(KeptSettings<SurgeRules> stored) {
		return new SurgeRules(stored.read("size", Integer::valueOf, defaults.size()),
				stored.read("threads", Integer::valueOf, defaults.threads()),
				stored.read("site-wide-threads", Integer::valueOf, defaults.siteWideThreads()),
				stored.read("quiet-seconds", s -> Duration.ofSeconds(Long.parseLong(s)), defaults.quiet()));
	}

}
