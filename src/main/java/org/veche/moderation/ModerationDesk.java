package org.veche.moderation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.veche.discussion.Comment;
import org.veche.discussion.CommentAuthor;
import org.veche.discussion.CommentRecords;
import org.veche.discussion.Commenter;
import org.veche.discussion.Discussions;
import org.veche.discussion.Reply;
import org.veche.identity.SignedIn;
import org.veche.moderation.filter.FilterInput;
import org.veche.moderation.filter.FilterTask;
import org.veche.moderation.filter.LearningFilter;
import org.veche.moderation.internal.ActionLog;
import org.veche.moderation.internal.Akismet;
import org.veche.moderation.internal.Bans;
import org.veche.moderation.internal.Reasons;
import org.veche.moderation.internal.Reports;
import org.veche.publishing.Article;
import org.veche.publishing.ArticleLookup;
import org.veche.site.RejectedInput;

/**
 * What moderators do: decide on a comment (or a raid's cluster at once), correct it, make
 * it an editors' pick, answer it, ban its author or lift a ban. Every decision changes
 * the comment through the discussion module, which tells the rest of the site, and is
 * written to the log.
 */
@Service
public class ModerationDesk {

	/**
	 * A decision and the reason the moderator gave, kept in the log.
	 *
	 * @param reason one of the reasons readers report with, or null
	 */
	public record Ruling(Decision decision, ReportReason reason) {
	}

	/**
	 * A moderator's answer from the queue.
	 *
	 * @param address the moderator's network address, hashed with the answer as any
	 * comment's
	 */
	public record Answer(String body, String address) {
	}

	/**
	 * @param length how long, or null for good
	 * @param note why, for the moderators, or null
	 */
	public record BanTerms(Duration length, String note) {
	}

	private final Reasons reasons;

	private final Reports reports;

	private final Bans bans;

	private final ActionLog log;

	private final Discussions discussions;

	private final CommentRecords records;

	private final ArticleLookup publishing;

	private final Clock clock;

	private final LearningFilter filter;

	private final Akismet akismet;

	ModerationDesk(Reasons reasons, Reports reports, Bans bans, ActionLog log, Discussions discussions,
			CommentRecords records, ArticleLookup publishing, Clock clock, LearningFilter filter, Akismet akismet) {
		this.reasons = reasons;
		this.reports = reports;
		this.bans = bans;
		this.log = log;
		this.discussions = discussions;
		this.records = records;
		this.publishing = publishing;
		this.clock = clock;
		this.filter = filter;
		this.akismet = akismet;
	}

	/**
	 * Approves, marks spam or not spam, or trashes a comment; its open reports are
	 * settled by the decision.
	 */
	@Transactional
	public void decide(long commentId, Decision decision, SignedIn by) {
		decide(commentId, new Ruling(decision, null), by);
	}

	/**
	 * The same decision, with the reason the moderator gave (the reasons readers report
	 * with), kept in the log.
	 */
	@Transactional
	public void decide(long commentId, Ruling ruling, SignedIn by) {
		Decision decision = ruling.decision();
		ReportReason reason = ruling.reason();
		Comment comment = comment(commentId);
		discussions.changeStatus(commentId, decision.to());
		reports.resolve(commentId, clock.instant());
		teach(comment, decision);
		// Akismet learns from corrections only; the address was never kept, so none is
		// sent
		if (akismet.enabled() && (decision == Decision.SPAM || decision == Decision.NOT_SPAM)) {
			String email = records.author(commentId).map(CommentAuthor::email).orElse("");
			var submission = new Akismet.Submission(comment.body(), comment.authorName(), email, comment.authorUrl(),
					"", null);
			afterCommit(decision == Decision.SPAM ? () -> akismet.submitSpam(submission)
					: () -> akismet.submitHam(submission));
		}
		log(by, decision.param(), commentId,
				comment.status().name().toLowerCase(java.util.Locale.ROOT) + " \u2192 "
						+ decision.to().name().toLowerCase(java.util.Locale.ROOT)
						+ (reason == null ? "" : " (" + reason.param() + ")"));
	}

	/** Decides every comment of a raid's cluster at once. @return how many there were */
	@Transactional
	public int decideCluster(long cluster, Decision decision, SignedIn by) {
		List<Long> members = reasons.withReason(Reason.of(Reason.Kind.RAID, cluster));
		if (members.isEmpty()) {
			throw new RejectedInput(HttpStatus.NOT_FOUND, "moderation.cluster.notFound");
		}
		members.forEach(id -> decide(id, decision, by));
		log(by, "cluster", cluster, decision.param() + " \u00d7 " + members.size());
		return members.size();
	}

	/**
	 * A decision is a labelled example for the learning filter: approve and not spam
	 * teach "fine" for both classifiers, spam teaches spam, abusive teaches abuse; a
	 * plain trash says nothing. Taught after the commit, so a decision that is rolled
	 * back teaches nothing.
	 */
	private void teach(Comment comment, Decision decision) {
		String email = records.author(comment.id()).map(CommentAuthor::email).orElse(null);
		boolean first = reasons.of(List.of(comment.id()))
			.getOrDefault(comment.id(), List.of())
			.stream()
			.anyMatch(r -> r.kind() == Reason.Kind.FIRST_COMMENT);
		var input = new FilterInput(comment.body(), comment.authorName(), email, comment.authorUrl(), first, first);
		Runnable lesson = switch (decision) {
			case APPROVE, NOT_SPAM -> () -> {
				filter.learn(FilterTask.SPAM, input, false);
				filter.learn(FilterTask.ABUSE, input, false);
			};
			case SPAM -> () -> filter.learn(FilterTask.SPAM, input, true);
			case ABUSIVE -> () -> filter.learn(FilterTask.ABUSE, input, true);
			case TRASH -> () -> {
			};
		};
		afterCommit(lesson);
	}

	private static void afterCommit(Runnable lesson) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					lesson.run();
				}
			});
		}
		else {
			lesson.run();
		}
	}

	@Transactional
	public void edit(long commentId, String body, SignedIn by) {
		comment(commentId);
		discussions.edit(commentId, body);
		log(by, "edit", commentId, "");
	}

	/**
	 * Makes an approved comment an editors' pick, or no longer one; logged when it
	 * changed.
	 */
	@Transactional
	public void feature(long commentId, boolean featured, SignedIn by) {
		comment(commentId);
		if (discussions.feature(commentId, featured)) {
			log(by, featured ? "feature" : "unfeature", commentId, "");
		}
	}

	/**
	 * A moderator's answer from the queue: a held comment is approved first, as
	 * WordPress's "Approve and Reply".
	 */
	@Transactional
	public Comment reply(long commentId, Answer answer, SignedIn by) {
		Comment comment = comment(commentId);
		if (!comment.isApproved()) {
			decide(commentId, Decision.APPROVE, by);
		}
		Article article = publishing.article(comment.articleId())
			.orElseThrow(() -> new RejectedInput(HttpStatus.NOT_FOUND, "article.notFound"));
		Comment reply = discussions.post(article, new Reply(commentId, null, null, null, answer.body()),
				new Commenter(by.accountId(), by.displayName(), by.account().email(), true, null, answer.address()));
		log(by, "reply", commentId, "#" + reply.id());
		return reply;
	}

	/**
	 * Bans the comment's author by every handle the comment has (account, e-mail, address
	 * hash).
	 */
	@Transactional
	public long ban(long commentId, BanTerms terms, SignedIn by) {
		Duration length = terms.length();
		String note = terms.note();
		comment(commentId);
		CommentAuthor author = records.author(commentId).orElseThrow();
		Instant now = clock.instant();
		long id = bans.add(author.accountId(), author.email(), author.addressHash(), note == null ? "" : note.strip(),
				by.accountId(), now, length == null ? null : now.plus(length));
		log(by, "ban", commentId, (length == null ? "for good" : length.toDays() + " d")
				+ (note == null || note.isBlank() ? "" : ": " + note.strip()));
		return id;
	}

	@Transactional
	public void lift(long banId, SignedIn by) {
		if (!bans.lift(banId, clock.instant())) {
			throw new RejectedInput(HttpStatus.NOT_FOUND, "moderation.ban.notFound");
		}
		log(by, "lift-ban", null, "#" + banId);
	}

	private Comment comment(long id) {
		return records.comment(id).orElseThrow(() -> new RejectedInput(HttpStatus.NOT_FOUND, "comment.notFound"));
	}

	private void log(SignedIn by, String action, Long commentId, String detail) {
		log.add(by.accountId(), by.displayName(), action, commentId, detail, clock.instant());
	}

}
