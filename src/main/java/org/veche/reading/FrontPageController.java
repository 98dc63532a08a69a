package org.veche.reading;

import java.util.HashMap;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.veche.discussion.Threads;
import org.veche.media.PhotoLibrary;
import org.veche.publishing.Article;
import org.veche.publishing.ArticleCatalogue;
import org.veche.publishing.ArticleSummary;
import org.veche.publishing.Listing;
import org.veche.site.PageCache;

/**
 * The front page and tag pages: the latest published articles with their comment counts,
 * a page at a time. The front page's first page also has the sections (photo stories,
 * most discussed) and the tag menu; every section is read after
 * {@link PageCache#keepListing}, so a comment, a like or a new article rebuilds the
 * guests' copy.
 */
@Controller
class FrontPageController {

	static final int PER_PAGE = 10;

	private final ArticleCatalogue catalogue;

	private final Threads threads;

	private final PhotoLibrary photos;

	private final PageCache pages;

	FrontPageController(ArticleCatalogue catalogue, Threads threads, PhotoLibrary photos, PageCache pages) {
		this.pages = pages;
		this.catalogue = catalogue;
		this.threads = threads;
		this.photos = photos;
	}

	@GetMapping("/")
	ModelAndView front(@RequestParam(defaultValue = "1") String page, HttpServletRequest request) {
		pages.keepListing(request);
		FrontPage front = listing(catalogue.latest(ArticlePageController.number(page), PER_PAGE), null);
		if (front.listing().page() == 1) {
			front = withSections(front);
		}
		return view(front);
	}

	static final int PHOTO_STORIES = 4;

	static final int MOST_DISCUSSED = 5;

	static final int TAGS = 12;

	private FrontPage withSections(FrontPage front) {
		List<ArticleSummary> stories = catalogue.photoStories(PHOTO_STORIES);
		// more than shown: some of the most commented may be pages of other sites or
		// taken down since
		List<Long> discussedIds = threads.mostDiscussed(MOST_DISCUSSED * 3);
		var visible = catalogue.visibleAmong(discussedIds);
		List<ArticleSummary> discussed = discussedIds.stream()
			.map(visible::get)
			.filter(java.util.Objects::nonNull)
			.filter(a -> a.kind() != Article.Kind.EXTERNAL_PAGE)
			.limit(MOST_DISCUSSED)
			.toList();
		var ids = new java.util.HashSet<Long>();
		stories.forEach(a -> ids.add(a.id()));
		discussed.forEach(a -> ids.add(a.id()));
		var counts = new HashMap<>(front.counts());
		counts.putAll(threads.counts(ids));
		var covers = new HashMap<>(front.covers());
		covers.putAll(photos.photos(stories.stream()
			.map(ArticleSummary::coverPhotoId)
			.filter(java.util.Objects::nonNull)
			.filter(id -> !covers.containsKey(id))
			.toList()));
		return new FrontPage(front.listing(), counts, covers, front.tag(),
				new FrontPage.Sections(stories, discussed, catalogue.topTags(TAGS)));
	}

	@GetMapping("/tags/{tag}")
	ModelAndView tag(@PathVariable String tag, @RequestParam(defaultValue = "1") String page,
			HttpServletRequest request) {
		pages.keepListing(request);
		return view(listing(
				catalogue.tagged(tag.toLowerCase(java.util.Locale.ROOT), ArticlePageController.number(page), PER_PAGE),
				tag));
	}

	private FrontPage listing(Listing listing, String tag) {
		var ids = listing.articles().stream().map(ArticleSummary::id).toList();
		var covers = listing.articles()
			.stream()
			.map(ArticleSummary::coverPhotoId)
			.filter(java.util.Objects::nonNull)
			.toList();
		return new FrontPage(listing, threads.counts(ids), photos.photos(covers), tag, FrontPage.Sections.NONE);
	}

	private static ModelAndView view(FrontPage front) {
		return new ModelAndView("reading/front", "model", front);
	}

}
