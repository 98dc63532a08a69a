package org.veche.privacy;

import java.time.Duration;
import java.util.List;

/**
 * What a module tells readers on the privacy page: the cookies it may set and the third
 * parties it sends anything to. The page is built from these, so it says what the running
 * site really does. A module that adds a cookie or a recipient implements this; the spam
 * filter's Akismet client, when its setting is on, returns Akismet from
 * {@link #recipients()} (this is the hook for it).
 */
public interface Disclosure {

	/**
	 * A cookie the site may set.
	 *
	 * @param purposeKey the message saying what it is for
	 * @param whenKey the message saying which act of the reader sets it
	 * @param lifetime how long it lives, or null for "until the browser is closed"
	 */
	record SiteCookie(String name, String purposeKey, String whenKey, Duration lifetime) {
	}

	/**
	 * A third party that receives something.
	 *
	 * @param name its name, as readers know it
	 * @param whatKey the message saying what it receives and when
	 */
	record Recipient(String name, String whatKey) {
	}

	/**
	 * Something the site keeps about readers besides their comments, a row of the page's
	 * table of what is kept.
	 *
	 * @param name a short name for the row
	 * @param whatKey the message naming it
	 * @param whoKey who sees it (a privacy.who.* message)
	 * @param howLongKey the message saying how long it is kept, with the days as {0}
	 */
	record KeptItem(String name, String whatKey, String whoKey, String howLongKey, long days) {
	}

	default List<KeptItem> kept() {
		return List.of();
	}

	default List<SiteCookie> cookies() {
		return List.of();
	}

	default List<Recipient> recipients() {
		return List.of();
	}

}
