package org.veche.discussion;

import java.time.Instant;

/**
 * A comment as the site shows it; the author's e-mail and address hash never leave the discussion module.
 * @param parentId the comment this one answers, or null for a top-level comment
 * @param depth how deep it really is (0 = top level); pages cap what they show at the configured depth
 * @param authorUrl the author's website, or null
 * @param accountId the account that wrote it, or null for a guest
 * @param kind a reader's comment, or an imported pingback or trackback
 * @param editedAt when its author last changed the text, or null
 * @param deleted its author deleted it: it keeps its place (for its replies) without its text
 * @param featuredAt when a moderator made it an editors' pick, or null
 */
public record Comment(long id, long articleId, Long parentId, int depth, String authorName, String authorUrl,
		Long accountId, String body, String bodyHtml, CommentStatus status, Instant createdAt, int likes,
		CommentKind kind, Instant editedAt, boolean deleted, Instant featuredAt) {

	public Comment(long id, long articleId, Long parentId, int depth, String authorName, String authorUrl,
			Long accountId, String body, String bodyHtml, CommentStatus status, Instant createdAt, int likes,
			CommentKind kind) {
		this(id, articleId, parentId, depth, authorName, authorUrl, accountId, body, bodyHtml, status, createdAt, likes,
				kind, null, false, null);
	}

	/** An editors' pick: shown first in its thread, with a label. */
	public boolean isFeatured() {
		return featuredAt != null && !deleted;
	}

	public boolean isEdited() {
		return editedAt != null && !deleted;
	}

	public boolean isApproved() {
		return status == CommentStatus.APPROVED;
	}

	public boolean isPingOrTrackback() {
		return kind == CommentKind.PINGBACK || kind == CommentKind.TRACKBACK;
	}

	public String anchor() {
		return "comment-" + id;
	}

}
