package org.veche.moderation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.veche.discussion.Comment;
import org.veche.discussion.CommentRecords;
import org.veche.discussion.CommentStatus;
import org.veche.discussion.Discussions;
import org.veche.moderation.internal.ActionLog;
import org.veche.moderation.internal.Reasons;
import org.veche.moderation.internal.Reports;
import org.veche.moderation.internal.RuleSettings;
import org.veche.site.RejectedInput;

/**
 * Readers' reports of a published comment, which hold it for review once they reach the
 * site's number.
 */
@Service
public class ReaderReports {

	private final RuleSettings settings;

	private final Reasons reasons;

	private final Reports reports;

	private final ActionLog log;

	private final Discussions discussions;

	private final CommentRecords records;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ReaderReports(RuleSettings settings, Reasons reasons, Reports reports, ActionLog log, Discussions discussions,
			CommentRecords records, ApplicationEventPublisher events, Clock clock) {
		this.settings = settings;
		this.reasons = reasons;
		this.reports = reports;
		this.log = log;
		this.discussions = discussions;
		this.records = records;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * A reader's report. The comment is held for review when its open reports reach the
	 * site's number; a reader who reports the same comment twice is counted once.
	 * @param reporter who reports: their account, else their address hash
	 */
	@Transactional
	public CommentReported report(long commentId, ReportReason reason, String reporter) {
		Comment comment = records.comment(commentId)
			.filter(Comment::isApproved)
			.orElseThrow(() -> new RejectedInput(HttpStatus.NOT_FOUND, "comment.notFound"));
		Instant now = clock.instant();
		boolean fresh = reports.add(commentId, comment.articleId(), reason, reporter, now);
		int open = reports.open(commentId);
		boolean held = fresh && open >= settings.rules().reportsToHold();
		if (held) {
			discussions.changeStatus(commentId, CommentStatus.PENDING);
			reasons.add(commentId, List.of(Reason.of(Reason.Kind.REPORTS, open)), now);
			log.add(null, "", "hold", commentId, open + " reports", now);
		}
		var reported = new CommentReported(commentId, comment.articleId(), reason, open, held);
		if (fresh) {
			events.publishEvent(reported);
		}
		return reported;
	}

}
