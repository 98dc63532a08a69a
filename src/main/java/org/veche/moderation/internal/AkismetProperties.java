package org.veche.moderation.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The optional Akismet adapter: off unless the owner gives a key. When on, every new
 * comment that the rules let through is sent to Akismet's servers with its author's name,
 * e-mail, website and network address.
 *
 * @param key the Akismet API key; blank turns the adapter off
 * @param site the site's address as registered with Akismet (its "blog")
 * @param endpoint where the API answers; the default is Akismet's own, tests point it at
 * a local server
 * @param timeout how long to wait before deciding without Akismet
 */
@ConfigurationProperties("veche.moderation.akismet")
public record AkismetProperties(@DefaultValue("") String key, @DefaultValue("") String site,
		@DefaultValue("https://rest.akismet.com/1.1/") String endpoint, @DefaultValue("3s") Duration timeout) {

	public boolean enabled() {
		return key != null && !key.isBlank();
	}

}
