package org.veche.discussion;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.veche.discussion.internal.Comments;
import org.veche.publishing.Article;
import org.veche.site.RejectedInput;

/**
 * A reader's changes to their own comments within the edit window: whether they may still
 * make one, and the edit or deletion itself. Readers change only what is theirs and only
 * for a while, unlike moderators ({@link Discussions}), so these rules stand apart.
 */
@Service
public class OwnCommentEdits {

	private final Comments comments;

	private final CommentTexts texts;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final CommentScreen screen;

	OwnCommentEdits(Comments comments, CommentTexts texts, DiscussionProperties settings,
			ApplicationEventPublisher events, Clock clock, Optional<CommentScreen> screen) {
		this.comments = comments;
		this.texts = texts;
		this.events = events;
		this.clock = clock;
		this.screen = Unscreened.unlessModerated(screen, settings);
	}

	/** How long after posting its author may still edit or delete a comment. */
	public java.time.Duration editWindow() {
		return screen.editWindow();
	}

	/**
	 * Whether this reader may still change the comment: theirs (by account, or for a
	 * guest by the signed cookie of their own comments), not deleted, and posted within
	 * the edit window.
	 * @param guestOwned the ids the guest's signed cookie names (empty for a signed-in
	 * reader)
	 */
	public boolean mayChange(Comment comment, Commenter who, Collection<Long> guestOwned) {
		boolean own = who.accountId() != null ? who.accountId().equals(comment.accountId())
				: comment.accountId() == null && guestOwned.contains(comment.id());
		return own && !comment.deleted() && comment.status() != CommentStatus.TRASH
				&& comment.kind() == CommentKind.COMMENT
				&& comment.createdAt().plus(editWindow()).isAfter(clock.instant());
	}

	/**
	 * The comments of the article this reader may still change (see {@link #mayChange}).
	 */
	public Set<Long> changeableOn(long articleId, Commenter who, Collection<Long> guestOwned) {
		var since = clock.instant().minus(editWindow());
		Collection<Long> candidates = who.accountId() != null ? comments.recentBy(articleId, who.accountId(), since)
				: guestOwned;
		if (candidates.isEmpty()) {
			return Set.of();
		}
		var ids = new java.util.HashSet<Long>();
		for (Comment c : comments.byIds(candidates)) {
			if (c.articleId() == articleId && mayChange(c, who, guestOwned)) {
				ids.add(c.id());
			}
		}
		return ids;
	}

	/**
	 * Its author's new text, screened again as a new comment would be (an edit cannot
	 * carry spam past the filter): a held or spam verdict takes an approved comment down;
	 * an approved verdict leaves a held one held.
	 * @throws RejectedInput 403 when the reader may not change it (not theirs, or the
	 * window has passed)
	 */
	@Transactional
	public Comment editOwn(OwnComment own, String newBody) {
		Article article = own.article();
		long commentId = own.commentId();
		Commenter who = own.who();
		Collection<Long> guestOwned = own.guestOwned();
		Comment comment = changeable(article, commentId, who, guestOwned);
		String body = texts.body(newBody);
		if (body.equals(comment.body())) {
			return comment;
		}
		Instant now = clock.instant();
		var author = comments.author(commentId).orElseThrow();
		var candidate = new CommentScreen.Candidate(article, comment.parentId(), comment.authorName(), author.email(),
				comment.authorUrl(), comment.accountId(), comments.hasApproved(author.accountId(), author.email()),
				body, author.addressHash(), who.staff(), null, now, who.address());
		CommentScreen.Verdict verdict = screen.screen(candidate);
		CommentStatus status = verdict.status() == CommentStatus.APPROVED ? comment.status() : verdict.status();
		comments.edit(commentId, comment.body(), body, texts.rendered(comment.articleId(), commentId, body), status,
				now);
		events.publishEvent(new CommentScreened(commentId, candidate, verdict));
		events.publishEvent(new CommentEdited(commentId, comment.articleId()));
		if (status != comment.status()) {
			events.publishEvent(new CommentStatusChanged(commentId, comment.articleId(), comment.parentId(),
					comment.status(), status));
		}
		return comments.byId(commentId).orElseThrow();
	}

	/**
	 * Its author deletes their comment: answered, it keeps its place as "deleted by its
	 * author" so that the thread stays whole; unanswered, it goes to the trash.
	 * @throws RejectedInput 403 when the reader may not change it (not theirs, or the
	 * window has passed)
	 */
	@Transactional
	public Comment deleteOwn(OwnComment own) {
		Article article = own.article();
		long commentId = own.commentId();
		Commenter who = own.who();
		Collection<Long> guestOwned = own.guestOwned();
		Comment comment = changeable(article, commentId, who, guestOwned);
		comments.deleteByAuthor(commentId, comment.body(), clock.instant());
		Comment deleted = comments.byId(commentId).orElseThrow();
		events.publishEvent(new CommentEdited(commentId, comment.articleId()));
		if (deleted.status() != comment.status()) {
			events.publishEvent(new CommentStatusChanged(commentId, comment.articleId(), comment.parentId(),
					comment.status(), deleted.status()));
		}
		return deleted;
	}

	private Comment changeable(Article article, long commentId, Commenter who, Collection<Long> guestOwned) {
		Comment comment = comments.byId(commentId)
			.filter(c -> c.articleId() == article.id())
			.orElseThrow(() -> new RejectedInput(HttpStatus.NOT_FOUND, "comment.notFound"));
		if (!mayChange(comment, who, guestOwned)) {
			throw new RejectedInput(HttpStatus.FORBIDDEN, "comment.edit.closed");
		}
		return comment;
	}

}
