package org.veche.moderation.appeal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.veche.discussion.Comment;
import org.veche.discussion.CommentKind;
import org.veche.discussion.CommentRecords;
import org.veche.discussion.CommentStatus;
import org.veche.identity.SignedIn;
import org.veche.moderation.Decision;
import org.veche.moderation.LoggedAction;
import org.veche.moderation.ModerationDesk;
import org.veche.moderation.ModerationQueue;
import org.veche.moderation.QueueItem;
import org.veche.moderation.internal.ActionLog;
import org.veche.moderation.internal.Reasons;
import org.veche.publishing.Article;
import org.veche.publishing.ArticleLookup;
import org.veche.site.RejectedInput;

/**
 * Appeals from the author's side (why, in plain words; one appeal) and from the
 * moderators' (the queue, uphold or reverse). Authors are known as for editing their own
 * comments: a signed-in author by their account, a guest by the signed cookie of the
 * comments their browser wrote (discussion.GuestCookies). Filing and every answer are
 * written to the moderation log, and so into the audit chain.
 */
@Service
public class AppealDesk {

	public static final int PAGE = 20;

	/** What the log calls the decisions on a comment. */
	private static final List<String> DECISIONS = java.util.Arrays.stream(Decision.values())
		.map(Decision::param)
		.toList();

	private final Appeals appeals;

	private final CommentRecords records;

	private final ArticleLookup publishing;

	private final ModerationQueue queue;

	private final ModerationDesk desk;

	private final Reasons reasons;

	private final ActionLog log;

	private final AppealProperties properties;

	private final Clock clock;

	AppealDesk(Appeals appeals, CommentRecords records, ArticleLookup publishing, ModerationQueue queue,
			ModerationDesk desk, Reasons reasons, ActionLog log, AppealProperties properties, Clock clock) {
		this.appeals = appeals;
		this.records = records;
		this.publishing = publishing;
		this.queue = queue;
		this.desk = desk;
		this.reasons = reasons;
		this.log = log;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Who asks: a signed-in reader's account, or a guest's own comments by the signed
	 * cookie.
	 *
	 * @param guestOwned the ids the guest's cookie names (ignored for a signed-in reader)
	 */
	public record Author(Long accountId, Collection<Long> guestOwned) {

		boolean wrote(Comment comment) {
			return accountId != null ? accountId.equals(comment.accountId())
					: comment.accountId() == null && guestOwned.contains(comment.id());
		}

	}

	/**
	 * What the author of a comment is told.
	 *
	 * @param headline the comment's state in a message key (appeal.state.*)
	 * @param held why the site held it, in plain words
	 * @param removal the moderator's decision that took it down (appeal.removed.*), or
	 * null
	 * @param removedAt when, or null
	 * @param appeal their appeal, or null
	 * @param mayAppeal whether the form is offered
	 */
	public record AuthorView(Comment comment, Article article, String headline, List<PlainWords.Said> held,
			String removal, Instant removedAt, Appeal appeal, boolean mayAppeal, int maxLength) {
	}

	/**
	 * The comment as its author may see it; empty for anyone else, who is told nothing
	 * (not even that it exists).
	 */
	public Optional<AuthorView> forAuthor(long commentId, Author author) {
		Optional<Comment> found = records.comment(commentId).filter(author::wrote);
		if (found.isEmpty()) {
			return Optional.empty();
		}
		Comment comment = found.get();
		Article article = publishing.article(comment.articleId()).orElse(null);
		List<PlainWords.Said> held = PlainWords.of(reasons.of(List.of(commentId)).getOrDefault(commentId, List.of()));
		Optional<LoggedAction> decision = log.last(commentId, DECISIONS);
		String removal = null;
		Instant removedAt = null;
		boolean down = comment.status() == CommentStatus.SPAM || comment.status() == CommentStatus.TRASH;
		if (down && decision.isPresent() && PlainWords.REMOVALS.containsKey(decision.get().action())) {
			removal = PlainWords.REMOVALS.get(decision.get().action());
			removedAt = decision.get().at();
		}
		String headline = comment.deleted() ? "appeal.state.deleted" : comment.isApproved() ? "appeal.state.published"
				// spam the screen found looks held to its author, as it always has: a
				// spammer learns nothing
				: removal != null ? "appeal.state.removed"
						: comment.status() == CommentStatus.TRASH ? "appeal.state.gone" : "appeal.state.held";
		Appeal appeal = appeals.ofComment(commentId).orElse(null);
		return Optional.of(new AuthorView(comment, article, headline, held, removal, removedAt, appeal,
				appeal == null && appealable(comment), properties.maxLength()));
	}

	/**
	 * The author's one appeal, with an optional message. A second is refused, as is an
	 * appeal on a comment that is published, deleted by its author, or not theirs.
	 */
	@Transactional
	public Appeal file(long commentId, Author author, String message) {
		Comment comment = records.comment(commentId)
			.filter(author::wrote)
			.orElseThrow(() -> new RejectedInput(HttpStatus.NOT_FOUND, "comment.notFound"));
		String text = message == null ? "" : message.strip();
		if (text.codePointCount(0, text.length()) > properties.maxLength()) {
			throw new RejectedInput("appeal.tooLong", properties.maxLength());
		}
		if (text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
			throw new RejectedInput("appeal.control");
		}
		if (appeals.ofComment(commentId).isPresent()) {
			throw new RejectedInput(HttpStatus.CONFLICT, "appeal.already");
		}
		if (!appealable(comment)) {
			throw new RejectedInput(HttpStatus.CONFLICT, "appeal.notNeeded");
		}
		Instant now = clock.instant();
		long id = appeals.add(commentId, author.accountId(), text, comment.status(), now)
			.orElseThrow(() -> new RejectedInput(HttpStatus.CONFLICT, "appeal.already"));
		log.add(null, "", "appeal", commentId, comment.status().name().toLowerCase(java.util.Locale.ROOT), now);
		return appeals.byId(id).orElseThrow();
	}

	private static boolean appealable(Comment comment) {
		return !comment.isApproved() && !comment.deleted() && comment.kind() == CommentKind.COMMENT;
	}

	/**
	 * An open or answered appeal with its comment as the queue shows it (null when the
	 * comment is gone).
	 */
	public record Case(Appeal appeal, QueueItem item) {
	}

	public List<Case> queue(boolean open, int page) {
		var cases = new ArrayList<Case>();
		for (Appeal appeal : appeals.page(open, Math.max(0, page - 1) * PAGE, PAGE)) {
			cases.add(new Case(appeal, queue.item(appeal.commentId()).orElse(null)));
		}
		return cases;
	}

	public Optional<Case> one(long appealId) {
		return appeals.byId(appealId).map(a -> new Case(a, queue.item(a.commentId()).orElse(null)));
	}

	public int count(boolean open) {
		return appeals.count(open);
	}

	/**
	 * Answers an appeal. Reversed: the comment is published (not spam, when it was in
	 * spam). Upheld: the comment stays down, and one still waiting in the queue is
	 * trashed, since the author asked for an answer and got it. The decision on the
	 * comment is logged as any other, then the answer to the appeal.
	 */
	@Transactional
	public void decide(long appealId, AppealOutcome outcome, SignedIn by) {
		Appeal appeal = appeals.byId(appealId)
			.orElseThrow(() -> new RejectedInput(HttpStatus.NOT_FOUND, "appeal.notFound"));
		if (!appeals.decide(appealId, outcome, by.accountId(), clock.instant())) {
			throw new RejectedInput(HttpStatus.CONFLICT, "appeal.answered");
		}
		Optional<Comment> comment = records.comment(appeal.commentId());
		if (comment.isPresent()) {
			CommentStatus now = comment.get().status();
			if (outcome == AppealOutcome.REVERSED && now != CommentStatus.APPROVED) {
				desk.decide(appeal.commentId(), now == CommentStatus.SPAM ? Decision.NOT_SPAM : Decision.APPROVE, by);
			}
			else if (outcome == AppealOutcome.UPHELD
					&& (now == CommentStatus.PENDING || now == CommentStatus.APPROVED)) {
				desk.decide(appeal.commentId(), Decision.TRASH, by);
			}
		}
		log.add(by.accountId(), by.displayName(), "appeal-" + outcome.param(), appeal.commentId(), "#" + appealId,
				clock.instant());
	}

}
