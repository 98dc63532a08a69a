package org.veche.discussion;

import java.util.Locale;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.veche.discussion.internal.Comments;
import org.veche.site.Markdown;
import org.veche.site.RejectedInput;

/**
 * Comments brought in from another platform's export, stored as they stood there.
 */
@Service
public class CommentIntake {

	private final Comments comments;

	private final Markdown markdown;

	private final ApplicationEventPublisher events;

	CommentIntake(Comments comments, Markdown markdown, ApplicationEventPublisher events) {
		this.comments = comments;
		this.markdown = markdown;
		this.events = events;
	}

	/**
	 * Stores a comment from another platform's export as it stood there (status, date,
	 * parent, kind), without the rules for new replies: it was posted long ago, somewhere
	 * else. Nobody is notified; the thread's pages follow once {@link #importedInto} is
	 * called after the batch.
	 */
	@Transactional
	public Comment importComment(ImportedComment imported) {
		Comment parent = null;
		if (imported.parentId() != null) {
			parent = comments.byId(imported.parentId())
				.filter(p -> p.articleId() == imported.articleId())
				.orElseThrow(() -> new RejectedInput("comment.parent.unknown"));
		}
		String email = imported.authorEmail() == null ? "" : imported.authorEmail().strip().toLowerCase(Locale.ROOT);
		String body = imported.body() == null ? "" : imported.body().strip();
		long id = comments.add(
				new Comments.NewRow(imported.articleId(), parent == null ? null : parent.id(),
						parent == null ? 0 : parent.depth() + 1, imported.authorName(), email, imported.authorUrl(),
						null, body, markdown.comment(body), imported.status(), imported.createdAt(), null),
				imported.kind());
		return comments.byId(id).orElseThrow();
	}

	/**
	 * Tells the pages that show these threads that a batch of imported comments arrived.
	 */
	public void importedInto(long articleId, int count) {
		events.publishEvent(new CommentsImported(articleId, count));
	}

}
