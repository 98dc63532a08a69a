package org.veche.discussion;

import java.time.Instant;

/**
 * A comment as the site shows it; the author's e-mail and address hash never leave the
 * discussion module.
 *
 * @param place where it sits in its thread
 * @param byline who wrote it
 * @param text what they wrote
 * @param kind a reader's comment, or an imported pingback or trackback
 * @param changes what happened to it after it was posted
 */
public record Comment(long id, long articleId, Place place, Byline byline, Text text, CommentStatus status,
		Instant createdAt, int likes, CommentKind kind, Changes changes) {

	/**
	 * Where a comment sits in its thread.
	 *
	 * @param parentId the comment this one answers, or null for a top-level comment
	 * @param depth how deep it really is (0 = top level); pages cap what they show at the
	 * configured depth
	 */
	public record Place(Long parentId, int depth) {
	}

	/**
	 * Who wrote a comment, as pages show it.
	 *
	 * @param authorUrl the author's website, or null
	 * @param accountId the account that wrote it, or null for a guest
	 */
	public record Byline(String authorName, String authorUrl, Long accountId) {
	}

	/** What a comment says: as written, and as pages show it. */
	public record Text(String body, String bodyHtml) {
	}

	/**
	 * What happened to a comment after it was posted.
	 *
	 * @param editedAt when its author last changed the text, or null
	 * @param deleted its author deleted it: it keeps its place (for its replies) without
	 * its text
	 * @param featuredAt when a moderator made it an editors' pick, or null
	 */
	public record Changes(Instant editedAt, boolean deleted, Instant featuredAt) {

		static final Changes NONE = new Changes(null, false, null);

	}

	/** A comment as it was posted: unchanged since. */
	public Comment(long id, long articleId, Long parentId, int depth, String authorName, String authorUrl,
			Long accountId, String body, String bodyHtml, CommentStatus status, Instant createdAt, int likes,
			CommentKind kind) {
		this(id, articleId, new Place(parentId, depth), new Byline(authorName, authorUrl, accountId),
				new Text(body, bodyHtml), status, createdAt, likes, kind, Changes.NONE);
	}

	/** A comment from its columns in the order the comment table holds them. */
	public Comment(long id, long articleId, Long parentId, int depth, String authorName, String authorUrl,
			Long accountId, String body, String bodyHtml, CommentStatus status, Instant createdAt, int likes,
			CommentKind kind, Instant editedAt, boolean deleted, Instant featuredAt) {
		this(id, articleId, new Place(parentId, depth), new Byline(authorName, authorUrl, accountId),
				new Text(body, bodyHtml), status, createdAt, likes, kind, new Changes(editedAt, deleted, featuredAt));
	}

	// The parts' fields as the comment's own: what threads, feeds, moderation and notices
	// read most.

	public Long parentId() {
		return place.parentId();
	}

	public int depth() {
		return place.depth();
	}

	public String authorName() {
		return byline.authorName();
	}

	public String authorUrl() {
		return byline.authorUrl();
	}

	public Long accountId() {
		return byline.accountId();
	}

	public String body() {
		return text.body();
	}

	public String bodyHtml() {
		return text.bodyHtml();
	}

	public Instant editedAt() {
		return changes.editedAt();
	}

	public boolean deleted() {
		return changes.deleted();
	}

	public Instant featuredAt() {
		return changes.featuredAt();
	}

	/** An editors' pick: shown first in its thread, with a label. */
	public boolean isFeatured() {
		return changes.featuredAt() != null && !changes.deleted();
	}

	public boolean isEdited() {
		return changes.editedAt() != null && !changes.deleted();
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
