package org.veche.privacy.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.ModelAndView;
import org.veche.privacy.Disclosure;
import org.veche.privacy.Disclosure.Recipient;
import org.veche.privacy.Disclosure.SiteCookie;
import org.veche.privacy.PrivacyProperties;
import org.veche.site.PageModel;

/**
 * The privacy page, written from the running site's settings and from what each module
 * discloses, so that "Learn how your comment data is processed" leads to a true answer.
 */
@Controller
class PrivacyPageController {

	private final ObjectProvider<Disclosure> disclosures;

	private final PrivacyProperties settings;

	private final String mailHost;

	PrivacyPageController(ObjectProvider<Disclosure> disclosures, PrivacyProperties settings,
			@Value("${spring.mail.host:}") String mailHost) {
		this.disclosures = disclosures;
		this.settings = settings;
		this.mailHost = mailHost.strip();
	}

	@GetMapping("/privacy")
	ModelAndView page() {
		var cookies = new ArrayList<SiteCookie>();
		// the shell's language cookie: site cannot disclose it itself, since privacy sits
		// above site
		cookies
			.add(new SiteCookie("veche_lang", "privacy.cookie.lang", "privacy.cookie.lang.when", Duration.ofDays(365)));
		var recipients = new ArrayList<Recipient>();
		if (!mailHost.isEmpty()) {
			recipients.add(new Recipient(mailHost, "privacy.recipient.mail"));
		}
		var kept = new ArrayList<Disclosure.KeptItem>();
		for (Disclosure disclosure : disclosures.orderedStream().toList()) {
			kept.addAll(disclosure.kept());
			cookies.addAll(disclosure.cookies());
			recipients.addAll(disclosure.recipients());
		}
		var notice = new PrivacyNotice(Math.max(1, settings.addressRetention().toDays()),
				settings.linkLifetime().toMinutes(), settings.erasure().name().toLowerCase(Locale.ROOT), cookies,
				recipients, kept);
		return PageModel.of("privacy/page", notice);
	}

}
