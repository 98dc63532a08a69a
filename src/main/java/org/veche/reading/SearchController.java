package org.veche.reading;

import java.util.HashMap;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;
import org.veche.discussion.Comment;
import org.veche.discussion.CommentHit;
import org.veche.discussion.Discussions;
import org.veche.discussion.ThreadOrder;
import org.veche.publishing.ArticleHit;
import org.veche.publishing.Publishing;
import org.veche.site.Found;
import org.veche.site.RejectedInput;
import org.veche.site.SearchQuery;

/**
 * The search page: published articles and approved comments holding every word typed, a page at a time, one
 * list or the other. Never kept for guests (it never asks {@code PageCache} to keep it): the words typed are
 * endless, and a kept page per query would only crowd out the pages every guest reads.
 */
@Controller
class SearchController {

	static final int PER_PAGE = 10;

	private final Publishing publishing;

	private final Discussions discussions;

	SearchController(Publishing publishing, Discussions discussions) {
		this.publishing = publishing;
		this.discussions = discussions;
	}

	/** A found comment's own link: the page of its thread (oldest first) that shows it, at its anchor. */
	@GetMapping("/comments/{id}")
	String comment(@PathVariable String id) {
		var comment = discussions.comment(ArticlePageController.number(id))
			.filter(Comment::isApproved)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		var article = publishing.visibleAmong(List.of(comment.articleId())).get(comment.articleId());
		if (article == null) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		int page = discussions.pageOf(comment, ThreadOrder.OLDEST);
		return "redirect:" + article.path() + (page > 1 ? "?cpage=" + page : "") + "#" + comment.anchor();
	}

	@GetMapping("/search")
	ModelAndView search(@RequestParam(required = false) String q, @RequestParam(defaultValue = "articles") String in,
			@RequestParam(defaultValue = "1") String page) {
		boolean comments = "comments".equals(in);
		var model = new HashMap<String, Object>();
		model.put("q", q == null ? "" : q);
		model.put("comments", comments);
		model.put("error", null);
		model.put("errorArgs", List.of());
		model.put("articles", null);
		model.put("found", null);
		model.put("articleTotal", 0L);
		model.put("commentTotal", 0L);
		if (q == null) {
			return new ModelAndView("reading/search", model);
		}
		SearchQuery query;
		try {
			query = SearchQuery.of(q);
		}
		catch (RejectedInput rejected) {
			model.put("error", rejected.messageKey());
			model.put("errorArgs", java.util.Arrays.asList(rejected.arguments()));
			return new ModelAndView("reading/search", model, HttpStatus.BAD_REQUEST);
		}
		int number = ArticlePageController.number(page);
		if (comments) {
			Found<CommentHit> found = discussions.search(query, number, PER_PAGE);
			model.put("articleTotal", publishing.searchCount(query));
			model.put("commentTotal", found.total());
			// a comment is shown only with an article readers may see (publishing says which)
			var visible = publishing.visibleAmong(found.items().stream().map(h -> h.comment().articleId()).toList());
			var shown = found.items().stream()
				.filter(h -> visible.containsKey(h.comment().articleId()))
				.map(h -> new FoundComment(h, visible.get(h.comment().articleId())))
				.toList();
			model.put("found", new Found<>(shown, found.total(), found.page(), found.size()));
		}
		else {
			Found<ArticleHit> articles = publishing.search(query, number, PER_PAGE);
			model.put("articleTotal", articles.total());
			model.put("commentTotal", discussions.searchCount(query));
			model.put("articles", articles);
		}
		return new ModelAndView("reading/search", model);
	}

}
