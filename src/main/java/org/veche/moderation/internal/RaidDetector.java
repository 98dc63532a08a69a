package org.veche.moderation.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Finds raids: a burst of near-duplicate comments from new identities on one thread within a short window.
 * The recent comments of each thread are kept in memory as MinHash signatures only (no text), for the window;
 * a thread under a raid is pre-moderated for a while. Both live on this node only and end with a restart,
 * which a raid outlasts rarely; the comments it held stay held, with their cluster, in the database.
 */
@Component
public class RaidDetector {

	/** One recent comment on a thread. @param cluster the raid it was found in, or 0 */
	private record Recent(long commentId, long[] signature, Instant at, long cluster) {
	}

	/** A raid found: its cluster (the id of its first comment) and the earlier comments that belong to it. */
	public record Raid(long cluster, List<Long> earlier) {
	}

	private final Map<Long, Deque<Recent>> recent = new ConcurrentHashMap<>();

	private final Map<Long, Instant> premoderated = new ConcurrentHashMap<>();

	private final ModerationProperties settings;

	RaidDetector(ModerationProperties settings) {
		this.settings = settings;
	}

	/** Whether this new identity's comment joins a burst of near-duplicates on the thread. */
	public Optional<Raid> check(long articleId, String body, Instant now, int size) {
		if (size <= 0 || !counts(body)) {
			return Optional.empty();
		}
		long[] signature = Shingles.signature(body);
		Deque<Recent> thread = recent.computeIfAbsent(articleId, id -> new ArrayDeque<>());
		synchronized (thread) {
			forgetOld(thread, now);
			List<Recent> alike = thread.stream()
				.filter(r -> Shingles.similarity(r.signature(), signature) >= settings.raidSimilarity())
				.toList();
			if (alike.size() + 1 < size) {
				return Optional.empty();
			}
			long cluster = alike.stream().mapToLong(Recent::cluster).filter(c -> c != 0).min()
				.orElse(alike.getFirst().commentId());
			return Optional.of(new Raid(cluster, alike.stream().map(Recent::commentId).toList()));
		}
	}

	/** Remembers a new identity's comment for the window, and marks a raid's members as found. */
	public void remember(long articleId, long commentId, String body, Instant at, Raid raid) {
		if (!counts(body)) {
			return;
		}
		Deque<Recent> thread = recent.computeIfAbsent(articleId, id -> new ArrayDeque<>());
		synchronized (thread) {
			if (raid != null) {
				var marked = new ArrayList<Recent>();
				thread.removeIf(r -> {
					if (raid.earlier().contains(r.commentId())) {
						marked.add(new Recent(r.commentId(), r.signature(), r.at(), raid.cluster()));
						return true;
					}
					return false;
				});
				thread.addAll(marked);
			}
			thread.addLast(new Recent(commentId, Shingles.signature(body), at, raid == null ? 0 : raid.cluster()));
		}
		if (raid != null) {
			premoderated.put(articleId, at.plus(settings.raidPremoderation()));
		}
	}

	/** Until when a thread under a raid holds every comment, if it is under one now. */
	public Optional<Instant> premoderatedUntil(long articleId, Instant now) {
		Instant until = premoderated.get(articleId);
		if (until == null || !until.isAfter(now)) {
			premoderated.remove(articleId, until);
			return Optional.empty();
		}
		return Optional.of(until);
	}

	/** Threads pre-moderated by a raid now, with until when. */
	public Map<Long, Instant> premoderated(Instant now) {
		premoderated.entrySet().removeIf(e -> !e.getValue().isAfter(now));
		return Map.copyOf(premoderated);
	}

	private boolean counts(String body) {
		return Shingles.fold(body).length() >= settings.raidMinLength();
	}

	private void forgetOld(Deque<Recent> thread, Instant now) {
		Duration window = settings.raidWindow();
		thread.removeIf(r -> r.at().plus(window).isBefore(now));
	}

}
