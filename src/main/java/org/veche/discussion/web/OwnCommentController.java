package org.veche.discussion.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;
import org.veche.discussion.Comment;
import org.veche.discussion.CommentRecords;
import org.veche.discussion.GuestCookies;
import org.veche.discussion.OwnComment;
import org.veche.discussion.OwnCommentEdits;
import org.veche.discussion.ThreadOrder;
import org.veche.publishing.Article;
import org.veche.publishing.ArticleLookup;
import org.veche.site.RejectedInput;

/**
 * A reader edits or deletes their own comment for a while after posting, with plain forms
 * (no JavaScript): a signed-in reader by their account, a guest by the signed cookie of
 * the comments their browser wrote. After the window the form answers 403 with the
 * reason.
 */
@Controller
class OwnCommentController {

	private final CommentRecords records;

	private final OwnCommentEdits ownEdits;

	private final ArticleLookup articles;

	private final GuestCookies cookies;

	OwnCommentController(CommentRecords records, OwnCommentEdits ownEdits, ArticleLookup articles,
			GuestCookies cookies) {
		this.records = records;
		this.ownEdits = ownEdits;
		this.articles = articles;
		this.cookies = cookies;
	}

	@GetMapping("/comments/{id}/edit")
	ModelAndView form(@PathVariable long id, HttpServletRequest request) {
		Comment comment = comment(id);
		Article article = article(comment);
		var who = Commenters.of(request);
		if (!ownEdits.mayChange(comment, who, cookies.heldIds(request))) {
			return view(article, comment, comment.body(), "comment.edit.closed", HttpStatus.FORBIDDEN);
		}
		return view(article, comment, comment.body(), null, HttpStatus.OK);
	}

	@PostMapping("/comments/{id}/edit")
	ModelAndView edit(@PathVariable long id, @RequestParam(defaultValue = "") String comment,
			HttpServletRequest request) {
		Comment before = comment(id);
		Article article = article(before);
		try {
			Comment edited = ownEdits
				.editOwn(new OwnComment(article, id, Commenters.of(request), cookies.heldIds(request)), comment);
			return new ModelAndView("redirect:" + where(article, edited));
		}
		catch (RejectedInput rejected) {
			return view(article, before, comment, rejected.messageKey(), rejected.status());
		}
	}

	@PostMapping("/comments/{id}/delete")
	ModelAndView delete(@PathVariable long id, HttpServletRequest request) {
		Comment before = comment(id);
		Article article = article(before);
		try {
			Comment deleted = ownEdits
				.deleteOwn(new OwnComment(article, id, Commenters.of(request), cookies.heldIds(request)));
			return new ModelAndView(
					"redirect:" + (deleted.isApproved() ? where(article, deleted) : article.path() + "#comments"));
		}
		catch (RejectedInput rejected) {
			return view(article, before, before.body(), rejected.messageKey(), rejected.status());
		}
	}

	private String where(Article article, Comment comment) {
		if (!comment.isApproved()) {
			return article.path() + "?held=" + comment.id() + "#comment-held";
		}
		return article.path() + "?cpage=" + records.pageOf(comment, ThreadOrder.OLDEST) + "#" + comment.anchor();
	}

	private ModelAndView view(Article article, Comment comment, String text, String error, HttpStatus status) {
		var model = new EditCommentPage(article, comment, text, error, ownEdits.editWindow().toMinutes());
		return new ModelAndView("discussion/edit", Map.of("model", model), status);
	}

	private Comment comment(long id) {
		return records.comment(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private Article article(Comment comment) {
		return articles.article(comment.articleId())
			.filter(a -> a.isVisibleAt(java.time.Instant.now()))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

}
