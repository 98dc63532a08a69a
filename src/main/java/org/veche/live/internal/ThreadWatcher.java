package org.veche.live.internal;

import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.veche.discussion.Comment;
import org.veche.discussion.CommentLiked;
import org.veche.discussion.CommentPosted;
import org.veche.discussion.CommentRecords;
import org.veche.discussion.CommentStatus;
import org.veche.discussion.CommentStatusChanged;
import org.veche.discussion.ThreadFragments;
import org.veche.live.LiveEvent;
import org.veche.live.LiveEvents;
import org.veche.site.Cluster;

/**
 * Turns the discussion's events into live events, after they commit: an approved comment
 * (new, or approved by a moderator) is shown, a comment that stops being approved is
 * taken off, a like count moves. A held comment is never sent: only what a reload would
 * show goes out.
 */
@Component
class ThreadWatcher {

	private final CommentRecords records;

	private final ThreadFragments fragments;

	private final LiveEvents events;

	private final Broadcasters broadcasters;

	private final Cluster cluster;

	ThreadWatcher(CommentRecords records, ThreadFragments fragments, LiveEvents events, Broadcasters broadcasters,
			Cluster cluster) {
		this.records = records;
		this.fragments = fragments;
		this.events = events;
		this.broadcasters = broadcasters;
		this.cluster = cluster;
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(CommentPosted posted) {
		if (posted.status() == CommentStatus.APPROVED) {
			show(posted.commentId(), posted.articleId());
		}
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(CommentStatusChanged changed) {
		if (changed.becameVisible()) {
			show(changed.commentId(), changed.articleId());
		}
		else if (changed.becameHidden()) {
			events.publish(
					new LiveEvent(changed.articleId(), LiveEvent.Kind.HIDE, changed.commentId(), null, 0, Map.of()));
		}
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(CommentLiked liked) {
		events.publish(new LiveEvent(liked.articleId(), LiveEvent.Kind.LIKES, liked.commentId(), null, liked.likes(),
				Map.of()));
	}

	private void show(long commentId, long articleId) {
		// nobody here has the article open and no other node hears of it: the comment is
		// not even read again
		if (!cluster.shared() && !broadcasters.watched(articleId)) {
			return;
		}
		// read again after the commit: the status is the stored one, not what the event
		// said a moment ago
		event(commentId).ifPresent(events::publish);
	}

	/**
	 * The approved comment as a live event, rendered on demand in the languages its
	 * readers use; also for a node that heard of it from another (then only when someone
	 * there has the article open).
	 */
	Optional<LiveEvent> event(long commentId) {
		return records.comment(commentId)
			.filter(Comment::isApproved)
			.map(comment -> new LiveEvent(comment.articleId(), LiveEvent.Kind.COMMENT, comment.id(), comment.parentId(),
					0, new RenderedOnDemand(language -> fragments.renderOne(comment, language))));
	}

	/**
	 * For a node that heard of the comment from another: nothing when nobody here has the
	 * article open.
	 */
	Optional<LiveEvent> eventHere(long commentId, long articleId) {
		return broadcasters.watched(articleId) ? event(commentId) : Optional.empty();
	}

}
