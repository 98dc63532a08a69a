package org.veche.reading;

import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.veche.discussion.Discussions;
import org.veche.media.PhotoLibrary;
import org.veche.publishing.ArticleSummary;
import org.veche.publishing.Listing;
import org.veche.publishing.Publishing;
import org.veche.site.PageCache;

/**
 * The front page and tag pages: the latest published articles with their comment counts, a page at a time.
 */
@Controller
class FrontPageController {

	static final int PER_PAGE = 10;

	private final Publishing publishing;

	private final Discussions discussions;

	private final PhotoLibrary photos;

	private final PageCache pages;

	FrontPageController(Publishing publishing, Discussions discussions, PhotoLibrary photos, PageCache pages) {
		this.pages = pages;
		this.publishing = publishing;
		this.discussions = discussions;
		this.photos = photos;
	}

	@GetMapping("/")
	ModelAndView front(@RequestParam(defaultValue = "1") String page, HttpServletRequest request) {
		pages.keepListing(request);
		return listing(publishing.latest(ArticlePageController.number(page), PER_PAGE), null);
	}

	@GetMapping("/tags/{tag}")
	ModelAndView tag(@PathVariable String tag, @RequestParam(defaultValue = "1") String page,
			HttpServletRequest request) {
		pages.keepListing(request);
		return listing(publishing.tagged(tag.toLowerCase(java.util.Locale.ROOT), ArticlePageController.number(page),
				PER_PAGE), tag);
	}

	private ModelAndView listing(Listing listing, String tag) {
		var ids = listing.articles().stream().map(ArticleSummary::id).toList();
		var covers = listing.articles().stream().map(ArticleSummary::coverPhotoId).filter(java.util.Objects::nonNull).toList();
		Map<String, Object> model = new HashMap<>();
		model.put("listing", listing);
		model.put("counts", discussions.counts(ids));
		model.put("covers", photos.photos(covers));
		model.put("tag", tag);
		return new ModelAndView("reading/front", model);
	}

}
