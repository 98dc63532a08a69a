package org.veche.discussion.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.veche.discussion.Comment;
import org.veche.discussion.CommentLikes;
import org.veche.discussion.CommentRecords;
import org.veche.discussion.Discussions;
import org.veche.discussion.Reply;
import org.veche.publishing.Article;
import org.veche.publishing.ArticleCatalogue;
import org.veche.site.RejectedInput;

/**
 * The comments of an article over JSON, and likes.
 */
@RestController
class CommentsApi {

	private final Discussions discussions;

	private final CommentRecords records;

	private final CommentLikes likes;

	private final ArticleCatalogue catalogue;

	CommentsApi(Discussions discussions, CommentRecords records, CommentLikes likes, ArticleCatalogue catalogue) {
		this.discussions = discussions;
		this.records = records;
		this.likes = likes;
		this.catalogue = catalogue;
	}

	record Author(String name, String email, String url) {
	}

	record NewComment(Long parentId, Author author, String body) {
	}

	record PublicAuthor(String name, String url) {
	}

	/**
	 * @param edited its author changed the text after posting (at editedAt, else null)
	 * @param deleted its author deleted it; it stays (without text) because it was
	 * answered
	 * @param featured an editors' pick, shown first in its thread
	 */
	record CommentView(long id, Long parentId, PublicAuthor author, String html, Instant createdAt, int likes,
			String status, boolean edited, Instant editedAt, boolean deleted, boolean featured) {

		static CommentView of(Comment c) {
			return new CommentView(c.id(), c.parentId(), new PublicAuthor(c.authorName(), c.authorUrl()), c.bodyHtml(),
					c.createdAt(), c.likes(), c.isApproved() ? "approved" : "pending", c.isEdited(),
					c.isEdited() ? c.editedAt() : null, c.deleted(), c.isFeatured());
		}

	}

	record CommentList(int total, List<CommentView> comments) {
	}

	@GetMapping("/api/v1/articles/{slug}/comments")
	CommentList list(@PathVariable String slug) {
		List<CommentView> comments = records.approved(article(slug).id()).stream().map(CommentView::of).toList();
		return new CommentList(comments.size(), comments);
	}

	@PostMapping("/api/v1/articles/{slug}/comments")
	ResponseEntity<CommentView> post(@PathVariable String slug, @RequestBody NewComment body,
			HttpServletRequest request) {
		Author author = body.author() == null ? new Author(null, null, null) : body.author();
		Comment comment = discussions.post(article(slug),
				new Reply(body.parentId(), author.name(), author.email(), author.url(), body.body()),
				Commenters.of(request));
		return ResponseEntity.status(comment.isApproved() ? HttpStatus.CREATED : HttpStatus.ACCEPTED)
			.body(CommentView.of(comment));
	}

	@PostMapping("/api/v1/comments/{id}/like")
	Map<String, Integer> like(@PathVariable long id, HttpServletRequest request, HttpServletResponse response) {
		return Map.of("likes",
				likes.like(id, Commenters.withBrowser(Commenters.of(request), request, response), true).likes());
	}

	@DeleteMapping("/api/v1/comments/{id}/like")
	Map<String, Integer> unlike(@PathVariable long id, HttpServletRequest request, HttpServletResponse response) {
		return Map.of("likes",
				likes.like(id, Commenters.withBrowser(Commenters.of(request), request, response), false).likes());
	}

	private Article article(String slug) {
		return catalogue.published(slug).orElseThrow(() -> new RejectedInput(HttpStatus.NOT_FOUND, "article.notFound"));
	}

}
