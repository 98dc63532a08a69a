package org.veche.moderation.internal;

import java.util.List;

import org.springframework.stereotype.Component;
import org.veche.privacy.Disclosure;

/**
 * Tells the privacy page that Akismet receives every new comment, when the owner turned
 * it on, and nothing when it is off.
 */
@Component
class AkismetDisclosure implements Disclosure {

	private final Akismet akismet;

	AkismetDisclosure(Akismet akismet) {
		this.akismet = akismet;
	}

	@Override
	public List<Recipient> recipients() {
		return akismet.enabled() ? List.of(new Recipient("Akismet", "moderation.akismet.privacy")) : List.of();
	}

}
