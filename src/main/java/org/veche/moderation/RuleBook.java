package org.veche.moderation;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.veche.identity.SignedIn;
import org.veche.moderation.internal.ActionLog;
import org.veche.moderation.internal.Akismet;
import org.veche.moderation.internal.RuleSettings;

/**
 * The site's discussion rules, as administrators set them, and what the screen sends out
 * of the site (Akismet, when the owner turned it on).
 */
@Service
public class RuleBook {

	private final RuleSettings settings;

	private final ActionLog log;

	private final Akismet akismet;

	private final Clock clock;

	RuleBook(RuleSettings settings, ActionLog log, Akismet akismet, Clock clock) {
		this.settings = settings;
		this.log = log;
		this.akismet = akismet;
		this.clock = clock;
	}

	public DiscussionRules rules() {
		return settings.rules();
	}

	@Transactional
	public void save(DiscussionRules rules, SignedIn by) {
		settings.save(rules);
		log.add(by.accountId(), by.displayName(), "settings", null, "", clock.instant());
	}

	/**
	 * Whether the owner turned on Akismet, which then receives every new comment (for the
	 * privacy page).
	 */
	public boolean akismetEnabled() {
		return akismet.enabled();
	}

	/** The fields of each comment sent to Akismet when it is on. */
	public List<String> akismetSends() {
		return Akismet.SENT;
	}

}
