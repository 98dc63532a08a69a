package org.veche.moderation;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.veche.identity.SignedIn;
import org.veche.moderation.internal.ActionLog;
import org.veche.moderation.internal.Reasons;
import org.veche.moderation.internal.SurgeMode;
import org.veche.moderation.internal.SurgeSettings;
import org.veche.publishing.ArticleLookup;
import org.veche.site.RejectedInput;

/**
 * Surge mode's face: the surge in force for the queue's banner, a moderator's lift, its
 * settings, and whether a comment was held by it (so that moderators get one mail per
 * surge, not one per comment).
 */
@Service
public class SurgeWatch {

	private final SurgeMode mode;

	private final SurgeSettings settings;

	private final Reasons reasons;

	private final ArticleLookup publishing;

	private final ActionLog log;

	private final Clock clock;

	SurgeWatch(SurgeMode mode, SurgeSettings settings, Reasons reasons, ArticleLookup publishing, ActionLog log,
			Clock clock) {
		this.mode = mode;
		this.settings = settings;
		this.reasons = reasons;
		this.publishing = publishing;
		this.log = log;
		this.clock = clock;
	}

	/** The surge in force now, with its evidence and the threads it holds. */
	public Optional<Surge> surge() {
		var rules = settings.rules();
		return mode.active()
			.map(s -> new Surge(s.id(), s.startedAt(), s.siteWide(), s.comments(), s.addresses(),
					s.threads().stream().map(publishing::article).flatMap(Optional::stream).toList(),
					s.seenAt().plus(rules.quiet())));
	}

	/** A moderator ends the surge now; logged with its evidence. */
	@Transactional
	public void lift(long surgeId, SignedIn by) {
		if (!mode.lift(surgeId, by.accountId(), by.displayName())) {
			throw new RejectedInput(HttpStatus.NOT_FOUND, "moderation.surge.notFound");
		}
	}

	public SurgeRules rules() {
		return settings.rules();
	}

	@Transactional
	public void saveRules(SurgeRules rules, SignedIn by) {
		settings.save(rules);
		log.add(by.accountId(), by.displayName(), "settings", null, "surge mode", clock.instant());
	}

	/** Whether the comment was held because the site was in surge mode. */
	public boolean heldInSurge(long commentId) {
		return reasons.of(List.of(commentId)).getOrDefault(commentId, List.of()).contains(SurgeMode.REASON);
	}

}
