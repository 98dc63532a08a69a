package org.veche.live.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.veche.discussion.Comment;
import org.veche.discussion.CommentLiked;
import org.veche.discussion.CommentPosted;
import org.veche.discussion.CommentStatus;
import org.veche.discussion.CommentStatusChanged;
import org.veche.discussion.Discussions;
import org.veche.discussion.ThreadFragments;
import org.veche.live.LiveEvent;
import org.veche.live.LiveEvents;
import org.veche.site.Page;

/**
 * Turns the discussion's events into live events, after they commit: an approved comment (new, or approved by
 * a moderator) is shown, a comment that stops being approved is taken off, a like count moves. A held comment
 * is never sent: only what a reload would show goes out.
 */
@Component
class ThreadWatcher {

	private final Discussions discussions;

	private final ThreadFragments fragments;

	private final LiveEvents events;

	ThreadWatcher(Discussions discussions, ThreadFragments fragments, LiveEvents events) {
		this.discussions = discussions;
		this.fragments = fragments;
		this.events = events;
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(CommentPosted posted) {
		if (posted.status() == CommentStatus.APPROVED) {
			show(posted.commentId());
		}
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(CommentStatusChanged changed) {
		if (changed.becameVisible()) {
			show(changed.commentId());
		}
		else if (changed.becameHidden()) {
			events.publish(new LiveEvent(changed.articleId(), LiveEvent.Kind.HIDE, changed.commentId(), null, 0, Map.of()));
		}
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(CommentLiked liked) {
		events.publish(new LiveEvent(liked.articleId(), LiveEvent.Kind.LIKES, liked.commentId(), null, liked.likes(), Map.of()));
	}

	private void show(long commentId) {
		// read again after the commit: the status is the stored one, not what the event said a moment ago
		event(commentId).ifPresent(events::publish);
	}

	/** The approved comment as a live event, rendered in every language; also for a node that heard of it from another. */
	Optional<LiveEvent> event(long commentId) {
		return discussions.comment(commentId).filter(Comment::isApproved).map(comment -> {
			var html = new LinkedHashMap<String, String>();
			for (var language : Page.LANGUAGES) {
				html.put(language.getLanguage(), fragments.renderOne(comment, language));
			}
			return new LiveEvent(comment.articleId(), LiveEvent.Kind.COMMENT, comment.id(), comment.parentId(), 0, html);
		});
	}

}
