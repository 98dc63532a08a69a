package org.veche.moderation.appeal;

import java.util.List;

import org.springframework.stereotype.Component;
import org.veche.privacy.Disclosure;

/**
 * Tells the privacy page that appeals are kept, who reads them and how long their
 * messages stay.
 */
@Component
class AppealDisclosure implements Disclosure {

	private final AppealProperties properties;

	AppealDisclosure(AppealProperties properties) {
		this.properties = properties;
	}

	@Override
	public List<KeptItem> kept() {
		return List.of(new KeptItem("appeal", "privacy.item.appeal", "privacy.who.staff",
				"privacy.until.appealAnswered", Math.max(1, properties.keepMessages().toDays())));
	}

}
