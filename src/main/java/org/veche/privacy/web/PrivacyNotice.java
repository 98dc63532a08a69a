package org.veche.privacy.web;

import java.util.List;

import org.veche.privacy.Disclosure.KeptItem;
import org.veche.privacy.Disclosure.Recipient;
import org.veche.privacy.Disclosure.SiteCookie;

/**
 * What the privacy page says, taken from the running site: the model of
 * {@code privacy/page.jte}.
 *
 * @param addressDays how long an address hash is kept
 * @param linkMinutes how long a guest's e-mailed link works
 * @param policy what erasure does to comments: "anonymise" or "remove"
 */
public record PrivacyNotice(long addressDays, long linkMinutes, String policy, List<SiteCookie> cookies,
		List<Recipient> recipients, List<KeptItem> kept) {

	public boolean sessionOnly(SiteCookie cookie) {
		return cookie.lifetime() == null;
	}

	public long days(SiteCookie cookie) {
		return cookie.lifetime() == null ? 0 : cookie.lifetime().toDays();
	}

}
