package org.veche.moderation.internal;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;

import org.springframework.stereotype.Component;
import org.veche.discussion.DiscussionProperties;
import org.veche.moderation.DiscussionRules;
import org.veche.site.Cluster;
import org.veche.site.SiteSettings;

/**
 * The discussion rules kept as site settings, one named value each, read on every new comment and so kept
 * for a few seconds (at once anew on this node when saved; other nodes follow within the expiry).
 */
@Component
public class RuleSettings {

	private static final String TOPIC = "moderation.rules";

	private static final String PREFIX = "moderation.";

	private final SiteSettings settings;

	private final ModerationProperties defaults;

	private final DiscussionProperties discussion;

	private final LoadingCache<String, DiscussionRules> cache = Caffeine.newBuilder()
		.expireAfterWrite(Duration.ofSeconds(5))
		.build(key -> load());

	private final Cluster cluster;

	RuleSettings(SiteSettings settings, ModerationProperties defaults, DiscussionProperties discussion, Cluster cluster) {
		this.cluster = cluster;
		cluster.listen(TOPIC, any -> cache.invalidateAll());
		this.settings = settings;
		this.defaults = defaults;
		this.discussion = discussion;
	}

	public DiscussionRules rules() {
		return cache.get("rules");
	}

	public void save(DiscussionRules rules) {
		put("hold-links", String.valueOf(rules.holdLinks()));
		put("moderation-words", String.join("\n", rules.moderationWords()));
		put("disallowed-words", String.join("\n", rules.disallowedWords()));
		put("hold-first-comment", String.valueOf(rules.holdFirstComment()));
		put("name-and-email-required", String.valueOf(rules.nameAndEmailRequired()));
		put("close-after-days", String.valueOf(rules.closeAfterDays()));
		put("flood-interval-seconds", String.valueOf(rules.floodInterval().toSeconds()));
		put("max-length", String.valueOf(rules.maxLength()));
		put("guests-may-comment", String.valueOf(rules.guestsMayComment()));
		put("reports-to-hold", String.valueOf(rules.reportsToHold()));
		put("filter-hold", String.valueOf(rules.filterHold()));
		put("filter-spam", String.valueOf(rules.filterSpam()));
		put("raid-size", String.valueOf(rules.raidSize()));
		put("edit-window-minutes", String.valueOf(rules.editWindow().toMinutes()));
		cache.invalidateAll();
		cluster.tellAfterCommit(TOPIC, "");
	}

	private DiscussionRules load() {
		return new DiscussionRules(read("hold-links", Integer::valueOf, defaults.holdLinks()),
				read("moderation-words", RuleSettings::lines, defaults.moderationWords()),
				read("disallowed-words", RuleSettings::lines, defaults.disallowedWords()),
				read("hold-first-comment", Boolean::valueOf, defaults.holdFirstComment()),
				read("name-and-email-required", Boolean::valueOf, defaults.nameAndEmailRequired()),
				read("close-after-days", Integer::valueOf, defaults.closeAfterDays()),
				read("flood-interval-seconds", s -> Duration.ofSeconds(Long.parseLong(s)), discussion.floodInterval()),
				read("max-length", Integer::valueOf, discussion.maxLength()),
				read("guests-may-comment", Boolean::valueOf, discussion.guestsMayComment()),
				read("reports-to-hold", Integer::valueOf, defaults.reportsToHold()),
				read("filter-hold", Double::valueOf, defaults.filterHold()),
				read("filter-spam", Double::valueOf, defaults.filterSpam()),
				read("raid-size", Integer::valueOf, defaults.raidSize()),
				read("edit-window-minutes", s -> Duration.ofMinutes(Long.parseLong(s)), DiscussionRules.DEFAULT_EDIT_WINDOW));
	}

	/** One word or phrase a line, as WordPress's lists; blank lines dropped. */
	public static List<String> lines(String text) {
		return Arrays.stream(text.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
	}

	private void put(String name, String value) {
		settings.put(PREFIX + name, value);
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
