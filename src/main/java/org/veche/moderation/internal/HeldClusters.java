package org.veche.moderation.internal;

import java.util.ArrayList;
import java.util.List;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.stereotype.Component;
import org.veche.discussion.Comment;

/**
 * Groups held comments whose texts are near-duplicates (the raid detector's MinHash
 * signatures and measure), so that the queue shows each group as one row with one
 * decision, whoever wrote them and whatever held them.
 */
@Component
public class HeldClusters {

	/**
	 * How many of the newest held comments are grouped: a queue page reads at most this
	 * many texts.
	 */
	public static final int GROUPED = 500;

	/**
	 * A held comment's text changes only by an edit: its signature is kept by its id and
	 * the time of its edit.
	 */
	private record Key(long commentId, java.time.Instant editedAt) {
	}

	/** Signatures of texts too short to count are kept as empty arrays. */
	private final Cache<Key, long[]> signatures = Caffeine.newBuilder().maximumSize(4 * GROUPED).build();

	private final RaidDetector raids;

	HeldClusters(RaidDetector raids) {
		this.raids = raids;
	}

	/**
	 * The groups of at least two near-duplicates among the comments, each in the
	 * comments' order. Each comment is compared with the first comment of each group
	 * found so far, so the cost grows with the number of groups, not with the square of
	 * the comments.
	 */
	public List<List<Comment>> among(List<Comment> comments) {
		var leaders = new ArrayList<long[]>();
		var groups = new ArrayList<List<Comment>>();
		for (Comment comment : comments) {
			long[] signature = signature(comment);
			if (signature.length == 0) {
				continue;
			}
			int joined = -1;
			for (int g = 0; g < leaders.size() && joined < 0; g++) {
				if (raids.alike(leaders.get(g), signature)) {
					joined = g;
				}
			}
			if (joined < 0) {
				leaders.add(signature);
				groups.add(new ArrayList<>(List.of(comment)));
			}
			else {
				groups.get(joined).add(comment);
			}
		}
		return groups.stream().filter(g -> g.size() >= 2).map(List::copyOf).toList();
	}

	private long[] signature(Comment comment) {
		return signatures.get(new Key(comment.id(), comment.editedAt()), key -> {
			long[] signature = raids.signature(comment.body());
			return signature == null ? new long[0] : signature;
		});
	}

}
