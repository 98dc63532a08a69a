package org.veche.moderation.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.veche.moderation.Reason;
import org.veche.moderation.SurgeRules;
import org.veche.moderation.SurgeStarted;

/**
 * Surge mode: a coordinated attack on several threads at once (near-duplicate comments
 * from new identities across threads, often from few addresses) turns on pre-moderation
 * of new identities on the threads hit, or on the whole site when enough are hit, and
 * lifts itself once the attack has been quiet for the settings' while. A post compares
 * its signature with the site's newest {@link RaidDetector#COMPARED} ones only, so its
 * cost stays flat. Every step is written to the action log with its evidence: counts,
 * thread ids and the number of distinct address hashes, never an address or a text.
 */
@Component
public class SurgeMode {

	/**
	 * Why a comment was held in a surge (no argument: the queue's banner says which
	 * surge).
	 */
	public static final Reason REASON = Reason.of(Reason.Kind.SURGE);

	/**
	 * What one new identity's post found across the site.
	 *
	 * @param comments its near-duplicates in the window, itself included
	 * @param threads the threads they were posted on
	 * @param addresses the distinct address hashes they came from
	 * @param earlier the earlier near-duplicates' comment ids (at most
	 * {@link RaidDetector#COMPARED})
	 */
	public record Evidence(int comments, Set<Long> threads, int addresses, boolean passes, List<Long> earlier) {
	}

	/**
	 * The longest a surge's "last seen" may lag: else every post of an attack would
	 * rewrite its one row.
	 */
	private static final Duration SEEN_EVERY = Duration.ofMinutes(1);

	private final Surges surges;

	private final RaidDetector raids;

	private final SurgeSettings settings;

	private final ActionLog log;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final TransactionTemplate transactions;

	SurgeMode(Surges surges, RaidDetector raids, SurgeSettings settings, ActionLog log,
			ApplicationEventPublisher events, Clock clock, PlatformTransactionManager transactions) {
		this.surges = surges;
		this.raids = raids;
		this.settings = settings;
		this.log = log;
		this.events = events;
		this.clock = clock;
		this.transactions = new TransactionTemplate(transactions);
	}

	public SurgeRules rules() {
		return settings.rules();
	}

	/** Whether a surge in force holds new identities' comments on the thread now. */
	public boolean holds(long articleId, Instant now) {
		return surges.holds(articleId, now.minus(rules().quiet()));
	}

	/**
	 * What a new identity's comment (its signature, null when too short to count) shows
	 * across the site.
	 */
	public Evidence evidence(long articleId, long[] signature, String addressHash, Instant now) {
		SurgeRules rules = rules();
		if (signature == null || !rules.on()) {
			return new Evidence(1, Set.of(articleId), 1, false, List.of());
		}
		Set<Long> threads = new LinkedHashSet<>();
		threads.add(articleId);
		Set<String> addresses = new HashSet<>();
		addresses.add(Objects.requireNonNullElse(addressHash, ""));
		int comments = 1;
		var earlier = new java.util.ArrayList<Long>();
		for (RaidDetector.Signed recent : raids.recentSiteWide(now)) {
			if (raids.alike(recent.signature(), signature)) {
				comments++;
				earlier.add(recent.commentId());
				threads.add(recent.articleId());
				addresses.add(Objects.requireNonNullElse(recent.addressHash(), ""));
			}
		}
		return new Evidence(comments, threads, addresses.size(),
				rules.passedBy(comments, threads.size(), addresses.size()), List.copyOf(earlier));
	}

	/**
	 * A post showed an attack (in its own transaction): starts a surge, or adds the
	 * threads it hit to the one in force, widens it to the whole site when enough threads
	 * are hit, and notes that the attack goes on.
	 * @return whether this post started the surge
	 */
	public boolean attacked(Evidence evidence, Instant now) {
		SurgeRules rules = rules();
		liftQuiet(now, rules);
		Optional<Surges.Stored> active = surges.active();
		if (active.isEmpty()) {
			boolean siteWide = evidence.threads().size() >= rules.siteWideThreads();
			Optional<Long> started = surges.start(now, siteWide, evidence.comments(), evidence.addresses(),
					evidence.threads());
			if (started.isPresent()) {
				long id = started.get();
				log.add(null, "", "surge-start", null,
						detail(id, evidence.comments(), evidence.addresses(), evidence.threads(), siteWide), now);
				events.publishEvent(new SurgeStarted(id, evidence.comments(), evidence.addresses(),
						List.copyOf(evidence.threads()), siteWide));
				return true;
			}
			// another post started it at the same moment: this one joins it
			active = surges.active();
			if (active.isEmpty()) {
				return false;
			}
		}
		Surges.Stored surge = active.get();
		Set<Long> threads = new LinkedHashSet<>(surge.threads());
		Set<Long> fresh = new LinkedHashSet<>(evidence.threads());
		fresh.removeAll(surge.threads());
		if (!fresh.isEmpty()) {
			surges.addThreads(surge.id(), fresh);
			threads.addAll(fresh);
		}
		int comments = Math.max(surge.comments(), evidence.comments());
		int addresses = Math.max(surge.addresses(), evidence.addresses());
		if (!surge.siteWide() && threads.size() >= rules.siteWideThreads() && surges.widen(surge.id())) {
			log.add(null, "", "surge-widen", null, detail(surge.id(), comments, addresses, threads, true), now);
		}
		Duration every = min(SEEN_EVERY, rules.quiet().dividedBy(4));
		if (!surge.seenAt().plus(every).isAfter(now)) {
			surges.seen(surge.id(), now, comments, addresses);
		}
		return false;
	}

	/**
	 * Lifts the surge in force by a moderator's hand. @return whether there was one to
	 * lift
	 */
	public boolean lift(long surgeId, Long moderatorId, String moderatorName) {
		return Boolean.TRUE.equals(transactions.execute(status -> {
			Instant now = clock.instant();
			Optional<Surges.Stored> surge = surges.active().filter(s -> s.id() == surgeId);
			if (surge.isEmpty() || !surges.lift(surgeId, now, null)) {
				return false;
			}
			Surges.Stored lifted = surge.get();
			log.add(moderatorId, moderatorName, "surge-lift", null,
					detail(lifted.id(), lifted.comments(), lifted.addresses(), lifted.threads(), lifted.siteWide()),
					now);
			return true;
		}));
	}

	/**
	 * The surge in force, if any, with until when it stands unless the attack goes on.
	 */
	public Optional<Surges.Stored> active() {
		Instant quietSince = clock.instant().minus(rules().quiet());
		return surges.active().filter(s -> !s.seenAt().isBefore(quietSince));
	}

	/**
	 * Lifts the surge whose attack has been quiet for the settings' while. Every node
	 * looks; the lift is one conditional update, so only one of them lifts it and logs
	 * it.
	 */
	@Scheduled(fixedDelayString = "${veche.moderation.surge.check:PT10S}", initialDelayString = "PT10S")
	void liftWhenQuiet() {
		Instant now = clock.instant();
		SurgeRules rules = rules();
		// looked at first without a transaction: on SQLite a transaction takes the one
		// write lock at its start
		if (surges.quietSince(now.minus(rules.quiet()))) {
			transactions.executeWithoutResult(status -> liftQuiet(now, rules));
		}
	}

	private void liftQuiet(Instant now, SurgeRules rules) {
		Instant quietSince = now.minus(rules.quiet());
		if (!surges.quietSince(quietSince)) {
			return;
		}
		surges.active().filter(s -> s.seenAt().isBefore(quietSince)).ifPresent(quiet -> {
			if (surges.lift(quiet.id(), now, quietSince)) {
				log.add(null, "", "surge-end", null,
						detail(quiet.id(), quiet.comments(), quiet.addresses(), quiet.threads(), quiet.siteWide()),
						now);
			}
		});
	}

	/** The evidence for the log: counts and thread ids only. */
	static String detail(long surgeId, int comments, int addresses, Collection<Long> threads, boolean siteWide) {
		return "#" + surgeId + ": " + comments + " near-duplicate comments, " + addresses + " address hashes, "
				+ threads.size() + " threads ("
				+ threads.stream().sorted().map(String::valueOf).collect(Collectors.joining(", ")) + ")"
				+ (siteWide ? ", site-wide" : "");
	}

	private static Duration min(Duration a, Duration b) {
		return a.compareTo(b) <= 0 ? a : b;
	}

}
