package org.veche.moderation.internal;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The defaults of the discussion settings until an administrator saves the settings page;
 * WordPress's own defaults. The flood limit, the longest comment and whether guests may
 * comment default to the {@code veche.discussion.*} properties. The raid detector's other
 * numbers are properties only: a burst is {@code raidSize} comments (a setting) from new
 * identities on one thread within {@code raidWindow} whose texts are at least
 * {@code raidSimilarity} alike (MinHash estimate of the Jaccard similarity of their
 * 5-character shingles); the thread is then pre-moderated for {@code raidPremoderation}.
 * Texts shorter than {@code raidMinLength} letters and digits are left out: many people
 * agreeing in two words is not a raid.
 */
@ConfigurationProperties("veche.moderation")
public record ModerationProperties(@DefaultValue("2") int holdLinks, @DefaultValue List<String> moderationWords,
		@DefaultValue List<String> disallowedWords, @DefaultValue("true") boolean holdFirstComment,
		@DefaultValue("true") boolean nameAndEmailRequired, @DefaultValue("0") int closeAfterDays,
		@DefaultValue("3") int reportsToHold, @DefaultValue("0.7") double filterHold,
		@DefaultValue("0.95") double filterSpam, @DefaultValue("10m") Duration raidWindow,
		@DefaultValue("4") int raidSize, @DefaultValue("0.6") double raidSimilarity,
		@DefaultValue("1h") Duration raidPremoderation, @DefaultValue("40") int raidMinLength) {
}
