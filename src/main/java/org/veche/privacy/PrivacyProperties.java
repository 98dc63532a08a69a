package org.veche.privacy;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the site keeps about people and for how long, as its owner sets it.
 *
 * @param addressRetention how long the keyed hash of a reader's address is kept with a
 * comment or like
 * @param erasure what erasure does to comments
 * @param linkLifetime how long an e-mailed link for a copy or erasure works
 */
@ConfigurationProperties("veche.privacy")
public record PrivacyProperties(@DefaultValue("30d") Duration addressRetention,
		@DefaultValue("anonymise") ErasurePolicy erasure, @DefaultValue("1h") Duration linkLifetime) {
}
