package org.veche.discussion;

import java.time.Duration;
import java.util.List;

import org.springframework.stereotype.Component;
import org.veche.privacy.Disclosure;

/**
 * The discussion's one cookie: a guest's like is tied to a random name for their browser, set when they first like.
 */
@Component
class CommenterDisclosure implements Disclosure {

	@Override
	public List<SiteCookie> cookies() {
		return List.of(new SiteCookie("veche_reader", "privacy.cookie.reader", "privacy.cookie.reader.when",
				Duration.ofDays(365)));
	}

}
