package org.veche.discussion;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.veche.discussion.internal.Comments;
import org.veche.discussion.internal.ThreadAssembler;

/**
 * The threads as readers read them: a page of an article's thread, how many comments
 * articles have, which articles are discussed most, and the newest comments for the
 * feeds.
 */
@Service
public class Threads {

	private final Comments comments;

	private final DiscussionProperties settings;

	private final Clock clock;

	Threads(Comments comments, DiscussionProperties settings, Clock clock) {
		this.comments = comments;
		this.settings = settings;
		this.clock = clock;
	}

	public ThreadPage thread(long articleId, ThreadOrder order, int page) {
		return new ThreadAssembler(comments.approved(articleId), order).page(articleId, order, page,
				settings.rootsPerPage(), settings.maxDepth());
	}

	/**
	 * How many approved comments each of these articles has (an article without any is
	 * left out).
	 */
	public Map<Long, Integer> counts(Collection<Long> articleIds) {
		return comments.approvedCounts(articleIds);
	}

	/**
	 * The articles most commented on lately (among the last 2,000 approved comments of
	 * the past week), most first; some may not be visible, which publishing decides.
	 */
	public List<Long> mostDiscussed(int size) {
		return comments.mostDiscussed(clock.instant().minus(java.time.Duration.ofDays(7)), 2_000,
				Math.clamp(size, 1, 100));
	}

	/**
	 * The newest approved comments, newest first: of one article, or of the whole site
	 * when articleId is null, and only those older than beforeId (Long.MAX_VALUE for the
	 * newest), so a caller can page back.
	 */
	public List<Comment> newestApproved(Long articleId, long beforeId, int limit) {
		return comments.newestApproved(articleId, beforeId, Math.clamp(limit, 1, 500));
	}

}
