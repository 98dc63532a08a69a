package org.veche.moderation.internal;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.stereotype.Component;
import org.veche.discussion.CommentScreen.Candidate;

/**
 * A new identity's text as the raid detector saw it, from screening until the comment is
 * kept (gone if the post fails between), so that its signature is taken once:
 * {@link Screening} sees, {@link ScreenedComments} takes.
 */
@Component
class Sightings {

	/**
	 * What the raid detector made of a new identity's text: its signature (null: too
	 * short to count), its raid, and what it shows across threads (null while surge mode
	 * is off).
	 */
	record Checked(long[] signature, RaidDetector.Raid raid, SurgeMode.Evidence surge) {
	}

	private final Cache<Candidate, Checked> found = Caffeine.newBuilder()
		// the same candidate object comes back once stored: compared by identity, not by
		// hashing its text and article
		.weakKeys()
		.expireAfterWrite(Duration.ofMinutes(1))
		.build();

	void saw(Candidate candidate, Checked checked) {
		found.put(candidate, checked);
	}

	/** What was seen of the candidate, forgotten now; null when nothing was. */
	Checked taken(Candidate candidate) {
		return found.asMap().remove(candidate);
	}

}
