package org.veche.reading;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;
import org.veche.discussion.Comment;
import org.veche.discussion.CommentHit;
import org.veche.discussion.CommentRecords;
import org.veche.discussion.CommentSearch;
import org.veche.discussion.ThreadOrder;
import org.veche.publishing.ArticleCatalogue;
import org.veche.publishing.ArticleHit;
import org.veche.publishing.ArticleSearch;
import org.veche.site.FormError;
import org.veche.site.Found;
import org.veche.site.RejectedInput;
import org.veche.site.SearchQuery;

/**
 * The search page: published articles and approved comments holding every word typed, a
 * page at a time, one list or the other. Never kept for guests (it never asks
 * {@code PageCache} to keep it): the words typed are endless, and a kept page per query
 * would only crowd out the pages every guest reads.
 */
@Controller
class SearchController {

	static final int PER_PAGE = 10;

	private final ArticleCatalogue catalogue;

	private final ArticleSearch articleSearch;

	private final CommentRecords records;

	private final CommentSearch commentSearch;

	SearchController(ArticleCatalogue catalogue, ArticleSearch articleSearch, CommentRecords records,
			CommentSearch commentSearch) {
		this.catalogue = catalogue;
		this.articleSearch = articleSearch;
		this.records = records;
		this.commentSearch = commentSearch;
	}

	/**
	 * A found comment's own link: the page of its thread (oldest first) that shows it, at
	 * its anchor.
	 */
	@GetMapping("/comments/{id}")
	String comment(@PathVariable String id) {
		var comment = records.comment(ArticlePageController.number(id))
			.filter(Comment::isApproved)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		var article = catalogue.visibleAmong(List.of(comment.articleId())).get(comment.articleId());
		if (article == null) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		int page = records.pageOf(comment, ThreadOrder.OLDEST);
		return "redirect:" + article.path() + (page > 1 ? "?cpage=" + page : "") + "#" + comment.anchor();
	}

	@GetMapping("/search")
	ModelAndView search(@RequestParam(required = false) String q, @RequestParam(defaultValue = "articles") String in,
			@RequestParam(defaultValue = "1") String page) {
		boolean comments = "comments".equals(in);
		if (q == null) {
			return view(new SearchPage("", comments, null, null, null, SearchPage.Totals.NONE));
		}
		SearchQuery query;
		try {
			query = SearchQuery.of(q);
		}
		catch (RejectedInput rejected) {
			return new ModelAndView("reading/search",
					Map.of("model",
							new SearchPage(q, comments, FormError.of(rejected), null, null, SearchPage.Totals.NONE)),
					HttpStatus.BAD_REQUEST);
		}
		int number = ArticlePageController.number(page);
		if (comments) {
			Found<CommentHit> found = commentSearch.find(query, number, PER_PAGE);
			long articleTotal = articleSearch.count(query);
			// a comment is shown only with an article readers may see (publishing says
			// which)
			var visible = catalogue.visibleAmong(found.items().stream().map(h -> h.comment().articleId()).toList());
			var shown = found.items()
				.stream()
				.filter(h -> visible.containsKey(h.comment().articleId()))
				.map(h -> new FoundComment(h, visible.get(h.comment().articleId())))
				.toList();
			return view(
					new SearchPage(q, true, null, null, new Found<>(shown, found.total(), found.page(), found.size()),
							new SearchPage.Totals(articleTotal, found.total())));
		}
		Found<ArticleHit> articles = articleSearch.find(query, number, PER_PAGE);
		return view(new SearchPage(q, false, null, articles, null,
				new SearchPage.Totals(articles.total(), commentSearch.count(query))));
	}

	private static ModelAndView view(SearchPage search) {
		return new ModelAndView("reading/search", "model", search);
	}

}
