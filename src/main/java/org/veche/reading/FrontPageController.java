package org.veche.reading;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.veche.discussion.Discussions;
import org.veche.media.Photo;
import org.veche.media.PhotoLibrary;
import org.veche.publishing.Article;
import org.veche.publishing.ArticleSummary;
import org.veche.publishing.Listing;
import org.veche.publishing.Publishing;
import org.veche.site.PageCache;

/**
 * The front page and tag pages: the latest published articles with their comment counts, a page at a time. The
 * front page's first page also has the sections (photo stories, most discussed) and the tag menu; every section
 * is read after {@link PageCache#keepListing}, so a comment, a like or a new article rebuilds the guests' copy.
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
		ModelAndView view = listing(publishing.latest(ArticlePageController.number(page), PER_PAGE), null);
		Listing latest = (Listing) view.getModel().get("listing");
		if (latest.page() == 1) {
			sections(view.getModel());
		}
		return view;
	}

	static final int PHOTO_STORIES = 4;

	static final int MOST_DISCUSSED = 5;

	static final int TAGS = 12;

	private void sections(Map<String, Object> model) {
		List<ArticleSummary> stories = publishing.photoStories(PHOTO_STORIES);
		// more than shown: some of the most commented may be pages of other sites or taken down since
		List<Long> discussedIds = discussions.mostDiscussed(MOST_DISCUSSED * 3);
		var visible = publishing.visibleAmong(discussedIds);
		List<ArticleSummary> discussed = discussedIds.stream()
			.map(visible::get)
			.filter(java.util.Objects::nonNull)
			.filter(a -> a.kind() != Article.Kind.EXTERNAL_PAGE)
			.limit(MOST_DISCUSSED)
			.toList();
		var ids = new java.util.HashSet<Long>();
		stories.forEach(a -> ids.add(a.id()));
		discussed.forEach(a -> ids.add(a.id()));
		@SuppressWarnings("unchecked")
		var counts = new HashMap<>((Map<Long, Integer>) model.get("counts"));
		counts.putAll(discussions.counts(ids));
		@SuppressWarnings("unchecked")
		var covers = new HashMap<>((Map<Long, Photo>) model.get("covers"));
		covers.putAll(photos.photos(stories.stream().map(ArticleSummary::coverPhotoId).filter(java.util.Objects::nonNull)
			.filter(id -> !covers.containsKey(id)).toList()));
		model.put("counts", counts);
		model.put("covers", covers);
		model.put("photoStories", stories);
		model.put("mostDiscussed", discussed);
		model.put("tags", publishing.topTags(TAGS));
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
		model.put("photoStories", List.of());
		model.put("mostDiscussed", List.of());
		model.put("tags", List.of());
		return new ModelAndView("reading/front", model);
	}

}
