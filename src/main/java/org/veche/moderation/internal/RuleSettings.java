package org.veche.moderation.internal;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.springframework.stereotype.Component;
import org.veche.discussion.DiscussionProperties;
import org.veche.moderation.DiscussionRules;
import org.veche.site.Cluster;
import org.veche.site.SiteSettings;

/**
 * The discussion rules kept as site settings, one named value each, read on every new
 * comment and so kept for a few seconds (at once anew on this node when saved; other
 * nodes follow within the expiry).
 */
@Component
public class RuleSettings {

	private final ModerationProperties defaults;

	private final DiscussionProperties discussion;

	private final KeptSettings<DiscussionRules> kept;

	RuleSettings(SiteSettings settings, ModerationProperties defaults, DiscussionProperties discussion,
			Cluster cluster) {
		this.defaults = defaults;
		this.discussion = discussion;
		this.kept = new KeptSettings<>(settings, cluster, "moderation.rules", "moderation.", this::load);
	}

	public DiscussionRules rules() {
		return kept.get();
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
		kept.saved();
	}

	private DiscussionRules load(KeptSettings<DiscussionRules> stored) {
		return new DiscussionRules(stored.read("hold-links", Integer::valueOf, defaults.holdLinks()),
				stored.read("moderation-words", RuleSettings::lines, defaults.moderationWords()),
				stored.read("disallowed-words", RuleSettings::lines, defaults.disallowedWords()),
				stored.read("hold-first-comment", Boolean::valueOf, defaults.holdFirstComment()),
				stored.read("name-and-email-required", Boolean::valueOf, defaults.nameAndEmailRequired()),
				stored.read("close-after-days", Integer::valueOf, defaults.closeAfterDays()),
				stored.read("flood-interval-seconds", s -> Duration.ofSeconds(Long.parseLong(s)),
						discussion.floodInterval()),
				stored.read("max-length", Integer::valueOf, discussion.maxLength()),
				stored.read("guests-may-comment", Boolean::valueOf, discussion.guestsMayComment()),
				stored.read("reports-to-hold", Integer::valueOf, defaults.reportsToHold()),
				stored.read("filter-hold", Double::valueOf, defaults.filterHold()),
				stored.read("filter-spam", Double::valueOf, defaults.filterSpam()),
				stored.read("raid-size", Integer::valueOf, defaults.raidSize()), stored.read("edit-window-minutes",
						s -> Duration.ofMinutes(Long.parseLong(s)), DiscussionRules.DEFAULT_EDIT_WINDOW));
	}

	/** One word or phrase a line, as WordPress's lists; blank lines dropped. */
	public static List<String> lines(String text) {
		return Arrays.stream(text.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
	}

	private void put(String name, String value) {
		kept.put(name, value);
	}

}
