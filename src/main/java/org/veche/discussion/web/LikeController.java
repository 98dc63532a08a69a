package org.veche.discussion.web;

import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import org.veche.discussion.Comment;
import org.veche.discussion.CommentLikes;
import org.veche.discussion.CommentRecords;
import org.veche.discussion.ThreadOrder;
import org.veche.publishing.ArticleLookup;
import org.veche.site.RejectedInput;

/**
 * The Like button: a form that works without JavaScript (a second press takes the like
 * back), and answers JSON to the script that updates "Liked by N people" in place.
 */
@Controller
class LikeController {

	private final CommentRecords records;

	private final CommentLikes likes;

	private final ArticleLookup articles;

	LikeController(CommentRecords records, CommentLikes likes, ArticleLookup articles) {
		this.records = records;
		this.likes = likes;
		this.articles = articles;
	}

	@PostMapping("/comments/{id}/like")
	Object toggle(@PathVariable long id, HttpServletRequest request, HttpServletResponse response) {
		Comment comment = records.comment(id)
			.filter(Comment::isApproved)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		var who = Commenters.withBrowser(Commenters.of(request), request, response);
		boolean json = Commenters.wantsJson(request);
		try {
			var state = likes.toggleLike(id, who);
			if (json) {
				return ResponseEntity.ok(Map.of("likes", state.likes(), "liked", state.liked()));
			}
		}
		catch (RejectedInput rejected) {
			if (json) {
				return ResponseEntity.status(rejected.status()).body(Map.of("error", rejected.messageKey()));
			}
			throw new ResponseStatusException(rejected.status());
		}
		String slug = articles.article(comment.articleId()).orElseThrow().slug();
		return "redirect:/articles/" + slug + "?cpage=" + records.pageOf(comment, ThreadOrder.OLDEST) + "#"
				+ comment.anchor();
	}

	/**
	 * Which comments on an article this reader likes, so the script can show the buttons
	 * pressed.
	 */
	@GetMapping("/articles/{articleId}/liked")
	@ResponseBody
	Set<Long> liked(@PathVariable long articleId, HttpServletRequest request) {
		return likes.likedBy(Commenters.of(request), articleId);
	}

}
