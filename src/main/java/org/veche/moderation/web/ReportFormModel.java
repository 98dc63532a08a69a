package org.veche.moderation.web;

import org.veche.discussion.Comment;
import org.veche.moderation.ReportReason;
import org.veche.publishing.Article;

/**
 * A reader's report form for one comment, or the thanks once it is sent.
 *
 * @param article the comment's article, or null if it is gone
 * @param error why the report was refused (a message key), or null
 */
public record ReportFormModel(Comment comment, Article article, ReportReason[] reasons, String error, boolean thanked) {
}
