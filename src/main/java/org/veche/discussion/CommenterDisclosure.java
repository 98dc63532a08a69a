package org.veche.discussion;

import java.time.Duration;
import java.util.List;

import org.springframework.stereotype.Component;
import org.veche.privacy.Disclosure;

/**
 * The discussion's cookies: a guest's like is tied to a random name for their browser,
 * set when they first like; a guest's held comments are named in a signed cookie so that
 * they keep seeing them; and name, e-mail and website are kept only when the guest ticks
 * the box under the form.
 */
@Component
class CommenterDisclosure implements Disclosure {

	@Override
	public List<SiteCookie> cookies() {
		return List.of(
				new SiteCookie("veche_reader", "privacy.cookie.reader", "privacy.cookie.reader.when",
						Duration.ofDays(365)),
				new SiteCookie(GuestCookies.HELD, "privacy.cookie.held", "privacy.cookie.held.when",
						GuestCookies.HELD_LIFETIME),
				new SiteCookie(GuestCookies.COMMENTER, "privacy.cookie.commenter", "privacy.cookie.commenter.when",
						GuestCookies.COMMENTER_LIFETIME));
	}

}
