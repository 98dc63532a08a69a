package org.veche.privacy;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.veche.privacy.internal.PrivacyLinks;

/**
 * Deletes address hashes older than the retention window, in every module that keeps
 * them, and expired request links with the e-mail addresses they hold. Runs every hour;
 * the window is days, so an hour late is nothing.
 */
@Component
public class Retention {

	private static final Logger log = LoggerFactory.getLogger(Retention.class);

	private final ObjectProvider<PersonalData> modules;

	private final PrivacyLinks links;

	private final PrivacyProperties settings;

	private final Clock clock;

	Retention(ObjectProvider<PersonalData> modules, PrivacyLinks links, PrivacyProperties settings, Clock clock) {
		this.modules = modules;
		this.links = links;
		this.settings = settings;
		this.clock = clock;
	}

	public record Outcome(Instant cutoff, int addressesForgotten, int linksDeleted) {
	}

	@Scheduled(fixedDelayString = "${veche.privacy.retention-check:PT1H}", initialDelayString = "PT1M")
	@SchedulerLock(name = "privacy.retention", lockAtMostFor = "PT30M")
	void scheduled() {
		Outcome outcome = run();
		if (outcome.addressesForgotten() > 0 || outcome.linksDeleted() > 0) {
			log.info("Retention: forgot {} address hashes from before {}, deleted {} expired links",
					outcome.addressesForgotten(), outcome.cutoff(), outcome.linksDeleted());
		}
	}

	/** One pass, now by the site's clock. */
	public Outcome run() {
		return run(clock.instant());
	}

	/** One pass as if it were that instant (tests move time on this way). */
	@Transactional
	public Outcome run(Instant now) {
		Instant cutoff = now.minus(settings.addressRetention());
		List<PersonalData> all = modules.orderedStream().toList();
		int forgotten = all.stream().mapToInt(m -> m.forgetAddressesBefore(cutoff)).sum();
		return new Outcome(cutoff, forgotten, links.deleteExpired(now));
	}

}
