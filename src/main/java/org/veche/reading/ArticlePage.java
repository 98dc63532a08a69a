package org.veche.reading;

import java.util.List;

import org.veche.discussion.Comment;
import org.veche.discussion.CommentForm;
import org.veche.discussion.ThreadFragments;
import org.veche.feed.ShareCard;
import org.veche.live.LiveBlogView;
import org.veche.media.Photo;
import org.veche.publishing.Article;

/**
 * What the article page (reading/article.jte) shows: the story, its photos, its
 * discussion as this reader sees it, the cards for sharing it and what the page needs to
 * follow the live thread.
 */
public record ArticlePage(Article article, Photos photos, Discussion discussion, ShareCard share, Live live) {

	/**
	 * The story's photos: the cover above the text, the gallery below it.
	 *
	 * @param cover the cover, or null
	 * @param gallery the gallery without the cover (a cover is never shown twice)
	 */
	public record Photos(Photo cover, List<Photo> gallery) {

		public boolean any() {
			return cover != null || !gallery.isEmpty();
		}

	}

	/**
	 * The thread as this reader sees it, with the reply form made for them.
	 *
	 * @param ownHeld the reader's own comments awaiting moderation, rendered: on their
	 * page alone (the cookie keeps it out of the cache)
	 * @param ownRemoved the reader's own comments taken down, each with its link to why
	 * @param posted the comment just posted, or 0
	 * @param held whether the comment just posted waits for a moderator
	 */
	public record Discussion(ThreadFragments.Rendered thread, List<String> ownHeld, List<Comment> ownRemoved,
			CommentForm form, long posted, boolean held) {

		/**
		 * The comments counted in the heading: the thread's and the reader's own awaiting
		 * moderation.
		 */
		public int shownTotal() {
			return thread.total() + ownHeld.size();
		}

	}

	/**
	 * Where the page picks up the live thread and the live blog.
	 *
	 * @param position the stream position read before the thread: what comes after it
	 * reaches the page live
	 * @param roots where a new top-level comment goes on this page of the thread:
	 * prepend, append or none
	 */
	public record Live(String position, String roots, LiveBlogView blog) {
	}

}
