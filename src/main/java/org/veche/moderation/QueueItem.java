package org.veche.moderation;

import java.util.List;
import java.util.Map;

import org.veche.discussion.Comment;
import org.veche.discussion.CommentAuthor;
import org.veche.publishing.Article;

/**
 * A comment as the moderation queue shows it, with everything a moderator needs to
 * decide.
 *
 * @param article the article it was posted under, or null if that is gone
 * @param parent the comment it answers, for context, or null
 * @param reasons why it was held or sent to spam
 * @param reports readers' open reports by reason
 * @param revisions the texts its author replaced by editing or deleting it, oldest first
 */
public record QueueItem(Comment comment, Article article, Comment parent, CommentAuthor author, List<Reason> reasons,
		Map<ReportReason, Integer> reports, List<org.veche.discussion.CommentRevision> revisions) {

	public QueueItem(Comment comment, Article article, Comment parent, CommentAuthor author, List<Reason> reasons,
			Map<ReportReason, Integer> reports) {
		this(comment, article, parent, author, reasons, reports, List.of());
	}

	public int reportCount() {
		return reports.values().stream().mapToInt(Integer::intValue).sum();
	}

}
