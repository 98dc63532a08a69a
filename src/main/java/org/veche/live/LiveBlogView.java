package org.veche.live;

import java.time.Instant;
import java.util.List;

/**
 * An article's live blog: whether it is running and its updates, newest first.
 *
 * @param startedAt when an editor switched it on, or null if it never was
 * @param endedAt when it was switched off, or null while it runs
 */
public record LiveBlogView(Instant startedAt, Instant endedAt, List<LiveUpdate> updates) {

	public static final LiveBlogView NONE = new LiveBlogView(null, null, List.of());

	public boolean running() {
		return startedAt != null && endedAt == null;
	}

	/** Shown on the page while it runs, and afterwards as long as it has updates. */
	public boolean shown() {
		return running() || !updates.isEmpty();
	}

}
