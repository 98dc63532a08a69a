package org.veche.discussion;

import java.time.Instant;

/**
 * A comment brought in from another platform's export, as it stood there: its status,
 * date and parent are kept, and none of the rules for new replies (flood limit,
 * screening, length) apply to it.
 *
 * @param parentId the Veche comment it answers, already imported, or null
 * @param authorEmail may be empty (pingbacks have none)
 * @param authorUrl the author's website, or null
 * @param body Markdown, as the site stores every comment
 */
public record ImportedComment(long articleId, Long parentId, String authorName, String authorEmail, String authorUrl,
		String body, CommentStatus status, CommentKind kind, Instant createdAt) {
}
