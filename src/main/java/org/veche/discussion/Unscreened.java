package org.veche.discussion;

import java.util.Optional;

import org.veche.publishing.Article;

/**
 * The screen when no module moderates: every comment is approved, only a closed article
 * refuses.
 */
record Unscreened(boolean guestsMayComment) implements CommentScreen {

	/**
	 * The moderating module's screen, or without one (a module test of discussion alone)
	 * this: every facade that asks the screen must ask the same one.
	 */
	static CommentScreen unlessModerated(Optional<CommentScreen> screen, DiscussionProperties settings) {
		return screen.orElseGet(() -> new Unscreened(settings.guestsMayComment()));
	}

	@Override
	public Openness openness(Article article) {
		return new Openness(article.discussion() == Article.Discussion.CLOSED, guestsMayComment, true);
	}

	@Override
	public Verdict screen(Candidate candidate) {
		return Verdict.APPROVED;
	}

}
