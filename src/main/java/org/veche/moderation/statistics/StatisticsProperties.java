package org.veche.moderation.statistics;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the figures of the statistics page are kept before they are counted again
 * ({@code 0} counts on every view).
 */
@ConfigurationProperties("veche.moderation.statistics")
public record StatisticsProperties(@DefaultValue("1m") Duration maxAge) {
}
