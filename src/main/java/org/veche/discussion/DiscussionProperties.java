package org.veche.discussion;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How discussions behave, as the site owner sets it.
 *
 * @param maxDepth how many levels of nesting pages show; deeper replies are shown at the
 * last level
 * @param rootsPerPage top-level comments on one page of a thread
 * @param floodInterval the least time between two comments from one address or e-mail
 * @param likesPerAddress the most likes one comment may get from one network address
 * @param guestsMayComment whether people who are not signed in may comment with a name
 * and e-mail
 */
@ConfigurationProperties("veche.discussion")
public record DiscussionProperties(@DefaultValue("5") int maxDepth, @DefaultValue("50") int rootsPerPage,
		@DefaultValue("10s") Duration floodInterval, @DefaultValue("10000") int maxLength,
		@DefaultValue("10") int likesPerAddress, @DefaultValue("true") boolean guestsMayComment) {
}
