package org.veche.reading;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.veche.discussion.CommentEdited;
import org.veche.discussion.CommentLiked;
import org.veche.discussion.CommentPosted;
import org.veche.discussion.CommentStatus;
import org.veche.discussion.CommentStatusChanged;
import org.veche.discussion.CommentsErased;
import org.veche.discussion.CommentsImported;
import org.veche.publishing.ArticlePublished;
import org.veche.site.PageCache;

/**
 * Tells the guests' page cache what the discussion and publishing changed, after the
 * change commits and after the discussion's own thread cache has moved on (this listener
 * runs last), so that a page rebuilt at once renders the new thread. Writes these events
 * do not describe (an article edited, a setting, a photo) are caught by the cache itself
 * as "everything changed".
 */
@Component
class PageChanges {

	private final PageCache pages;

	PageChanges(PageCache pages) {
		this.pages = pages;
	}

	@Order(Ordered.LOWEST_PRECEDENCE)
	@TransactionalEventListener(fallbackExecution = true)
	void on(CommentPosted posted) {
		if (posted.status() == CommentStatus.APPROVED) {
			pages.articleChanged(posted.articleId());
		}
		else {
			// a held comment is shown to its author alone, who never gets the guests'
			// bytes
			pages.nothingChanged();
		}
	}

	@Order(Ordered.LOWEST_PRECEDENCE)
	@TransactionalEventListener(fallbackExecution = true)
	void on(CommentLiked liked) {
		pages.articleChanged(liked.articleId());
	}

	@Order(Ordered.LOWEST_PRECEDENCE)
	@TransactionalEventListener(fallbackExecution = true)
	void on(CommentEdited edited) {
		pages.articleChanged(edited.articleId());
	}

	@Order(Ordered.LOWEST_PRECEDENCE)
	@TransactionalEventListener(fallbackExecution = true)
	void on(CommentStatusChanged changed) {
		pages.articleChanged(changed.articleId());
	}

	@Order(Ordered.LOWEST_PRECEDENCE)
	@TransactionalEventListener(fallbackExecution = true)
	void on(CommentsImported imported) {
		pages.articleChanged(imported.articleId());
	}

	@Order(Ordered.LOWEST_PRECEDENCE)
	@TransactionalEventListener(fallbackExecution = true)
	void on(CommentsErased erased) {
		erased.articleIds().forEach(pages::articleChanged);
	}

	@Order(Ordered.LOWEST_PRECEDENCE)
	@TransactionalEventListener(fallbackExecution = true)
	void on(ArticlePublished published) {
		pages.everythingChanged();
	}

}
