package org.veche.moderation.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The defaults of surge mode's settings until an administrator saves them (see
 * {@link org.veche.moderation.SurgeRules}).
 */
@ConfigurationProperties("veche.moderation.surge")
public record SurgeProperties(@DefaultValue("10") int size, @DefaultValue("3") int threads,
		@DefaultValue("6") int siteWideThreads, @DefaultValue("30m") Duration quiet) {
}
