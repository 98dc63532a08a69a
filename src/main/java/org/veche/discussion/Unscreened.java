package org.veche.discussion;

import org.veche.publishing.Article;

/**
 * The screen when no module moderates: every comment is approved, only a closed article
 * refuses.
 */
record Unscreened(boolean guestsMayComment) implements CommentScreen {

	@Override
	public Openness openness(Article article) {
		return new Openness(article.discussion() == Article.Discussion.CLOSED, guestsMayComment, true);
	}

	@Override
	public Verdict screen(Candidate candidate) {
		return Verdict.APPROVED;
	}

}
