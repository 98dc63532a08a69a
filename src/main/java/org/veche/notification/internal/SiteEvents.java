package org.veche.notification.internal;

import java.util.Locale;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.veche.discussion.CommentNotificationsRequested;
import org.veche.discussion.CommentPosted;
import org.veche.discussion.CommentRecords;
import org.veche.discussion.CommentStatus;
import org.veche.discussion.CommentStatusChanged;
import org.veche.identity.Identity;
import org.veche.moderation.CommentReported;
import org.veche.moderation.SurgeStarted;
import org.veche.notification.Cadence;
import org.veche.notification.Topic;
import org.veche.publishing.ArticlePublished;

/**
 * Hears the site's events inside the transaction that publishes them, so that the mail
 * they cause is queued if and only if the change commits. Each runs in a savepoint of its
 * own: should queuing fail, the comment or article is kept all the same, and the failure
 * is logged.
 */
@Component
class SiteEvents {

	private static final Logger log = LoggerFactory.getLogger(SiteEvents.class);

	private final Notices notices;

	private final Subscriptions subscriptions;

	private final CommentRecords records;

	private final Identity identity;

	private final TransactionTemplate savepoint;

	SiteEvents(Notices notices, Subscriptions subscriptions, CommentRecords records, Identity identity,
			PlatformTransactionManager transactions) {
		this.notices = notices;
		this.subscriptions = subscriptions;
		this.records = records;
		this.identity = identity;
		this.savepoint = new TransactionTemplate(transactions);
		this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
	}

	@EventListener
	void on(CommentPosted posted) {
		if (posted.status() == CommentStatus.APPROVED) {
			// one query first: most comments have no follower, and this runs inside the
			// comment's transaction; a comment that mentions someone is looked at whole
			// (its mentioned readers may follow their comment)
			if (!posted.mentioned().isEmpty() || subscriptions.followed(posted.articleId(), posted.parentId())) {
				safely("comment " + posted.commentId(), n -> n.commentVisible(posted.commentId()));
			}
		}
		else if (posted.status() == CommentStatus.PENDING) {
			safely("held comment " + posted.commentId(), n -> n.commentHeld(posted.commentId()));
		}
	}

	/**
	 * A held comment approved is announced now, and its author is asked to confirm what
	 * they asked for.
	 */
	@EventListener
	void on(CommentStatusChanged changed) {
		if (changed.becameVisible()) {
			safely("comment " + changed.commentId(), n -> {
				n.commentVisible(changed.commentId());
				n.askToConfirm(subscriptions.unconfirmedFrom(changed.commentId()));
			});
		}
	}

	/**
	 * Each reader's report is one event: a second reader reporting the same comment is
	 * another.
	 */
	@EventListener
	void on(CommentReported reported) {
		safely("report of comment " + reported.commentId(),
				n -> n.commentReported(reported.commentId(), "moderation.report.reason." + reported.reason().param(),
						reported.commentId() + ":" + reported.reports()));
	}

	/**
	 * One mail per surge to the moderators who asked for held comments, however they
	 * asked for them.
	 */
	@EventListener
	void on(SurgeStarted started) {
		safely("surge " + started.surgeId(), n -> n.surgeStarted(started));
	}

	@EventListener
	void on(ArticlePublished published) {
		safely("article " + published.articleId(), n -> n.articlePublished(published.articleId()));
	}

	/**
	 * The comment form's "notify me" boxes. A signed-in account's own verified address
	 * needs no confirmation; any other is asked once the comment is approved, so a held
	 * or spam comment mails nobody.
	 */
	@EventListener
	void on(CommentNotificationsRequested requested) {
		Locale language = LocaleContextHolder.getLocale();
		safely("subscriptions of comment " + requested.commentId(), n -> {
			boolean own = requested.accountId() != null && identity.account(requested.accountId())
				.filter(a -> a.emailVerified() && a.email().equalsIgnoreCase(requested.email()))
				.isPresent();
			var reader = subscriptions.reader(requested.email(), own ? requested.accountId() : null, language, n.now());
			if (requested.replies()) {
				subscriptions.add(reader.id(), Topic.REPLIES, requested.commentId(), Cadence.INSTANT,
						requested.commentId(), own, n.now());
			}
			if (requested.allComments()) {
				subscriptions.add(reader.id(), Topic.COMMENTS, requested.articleId(), Cadence.INSTANT,
						requested.commentId(), own, n.now());
			}
			boolean approved = records.comment(requested.commentId()).filter(c -> c.isApproved()).isPresent();
			if (approved) {
				// only those made by this comment wait for it; one asked for before keeps
				// its own state
				n.askToConfirm(subscriptions.unconfirmedFrom(requested.commentId()));
			}
		});
	}

	private void safely(String what, Consumer<Notices> work) {
		try {
			savepoint.executeWithoutResult(status -> work.accept(notices));
		}
		catch (RuntimeException ex) {
			log.error("Could not queue the notifications for {}", what, ex);
		}
	}

}
