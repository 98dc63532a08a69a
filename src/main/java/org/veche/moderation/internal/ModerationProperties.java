package org.veche.moderation.internal;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The defaults of the discussion settings until an administrator saves the settings page; WordPress's own
 * defaults. The flood limit, the longest comment and whether guests may comment default to the
 * {@code veche.discussion.*} properties.
 */
@ConfigurationProperties("veche.moderation")
public record ModerationProperties(@DefaultValue("2") int holdLinks, @DefaultValue List<String> moderationWords,
		@DefaultValue List<String> disallowedWords, @DefaultValue("true") boolean holdFirstComment,
		@DefaultValue("true") boolean nameAndEmailRequired, @DefaultValue("0") int closeAfterDays,
		@DefaultValue("3") int reportsToHold, @DefaultValue("0.7") double filterHold,
		@DefaultValue("0.95") double filterSpam) {
}
