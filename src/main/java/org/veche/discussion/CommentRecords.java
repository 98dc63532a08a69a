package org.veche.discussion;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.veche.discussion.internal.Comments;
import org.veche.discussion.internal.ThreadAssembler;
import org.veche.publishing.Article;

/**
 * What other pages and modules ask about comments: a comment by its id, who wrote it,
 * where in its thread it stands, whom it mentions, and what the form may offer. Asking
 * changes nothing, so these answers live apart from what is done to comments
 * ({@link Discussions}).
 */
@Service
public class CommentRecords {

	private static final java.util.regex.Pattern MENTION_LINK = java.util.regex.Pattern.compile("<a\\s[^>]*>");

	private static final java.util.regex.Pattern MENTION_TARGET = java.util.regex.Pattern
		.compile("href=\"#comment-(\\d{1,18})\"");

	private final Comments comments;

	private final DiscussionProperties settings;

	private final CommentScreen screen;

	CommentRecords(Comments comments, DiscussionProperties settings, Optional<CommentScreen> screen) {
		this.comments = comments;
		this.settings = settings;
		this.screen = Unscreened.unlessModerated(screen, settings);
	}

	public Optional<Comment> comment(long id) {
		return comments.byId(id);
	}

	public List<Comment> comments(Collection<Long> ids) {
		return comments.byIds(ids);
	}

	/**
	 * Who wrote a comment and how their earlier comments fared, for moderators and bans.
	 */
	public Optional<CommentAuthor> author(long commentId) {
		return comments.author(commentId);
	}

	/**
	 * Whether the comment was written from this address, so that nobody is notified of
	 * their own comment.
	 */
	public boolean writtenBy(long commentId, String email) {
		return email != null && comments.writtenBy(commentId, email.toLowerCase(Locale.ROOT));
	}

	/** Every approved comment of an article, oldest first. */
	public List<Comment> approved(long articleId) {
		return comments.approved(articleId);
	}

	/** The page of the thread (in this order) that shows the comment. */
	public int pageOf(Comment comment, ThreadOrder order) {
		return new ThreadAssembler(comments.approved(comment.articleId()), order).pageOf(comment.id(),
				settings.rootsPerPage());
	}

	/**
	 * The texts the comment had before its author changed or deleted it, oldest first,
	 * for moderators.
	 */
	public List<CommentRevision> revisions(long commentId) {
		return comments.revisions(commentId);
	}

	/**
	 * The comments this one mentions: the targets of the mention links its HTML carries
	 * (only the rendering makes them; a link a reader writes has no such class).
	 */
	public List<Long> mentionedIn(Comment comment) {
		var ids = new java.util.LinkedHashSet<Long>();
		var links = MENTION_LINK.matcher(comment.bodyHtml() == null ? "" : comment.bodyHtml());
		while (links.find()) {
			var target = MENTION_TARGET.matcher(links.group());
			if (links.group().contains("class=\"mention\"") && target.find()) {
				ids.add(Long.parseLong(target.group(1)));
			}
		}
		return List.copyOf(ids);
	}

	/** What the comment form may offer on this article. */
	public CommentScreen.Openness openness(Article article) {
		return screen.openness(article);
	}

}
