package org.veche.reading;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.veche.discussion.Comment;
import org.veche.discussion.CommentForms;
import org.veche.discussion.CommentRecords;
import org.veche.discussion.GuestCookies;
import org.veche.discussion.ThreadFragments;
import org.veche.discussion.ThreadOrder;
import org.veche.feed.ShareCard;
import org.veche.feed.ShareTags;
import org.veche.live.LiveBlog;
import org.veche.live.LiveThreads;
import org.veche.media.Photo;
import org.veche.media.PhotoLibrary;
import org.veche.publishing.Article;
import org.veche.publishing.ArticleCatalogue;
import org.veche.site.PageCache;

/**
 * An article or photo story with its discussion: the thread comes pre-rendered from the
 * discussion module, the reply form is made for this reader.
 */
@Controller
class ArticlePageController {

	private final ArticleCatalogue catalogue;

	private final PhotoLibrary photos;

	private final CommentRecords records;

	private final ThreadFragments threads;

	private final CommentForms forms;

	private final ShareTags share;

	private final LiveThreads live;

	private final LiveBlog liveBlog;

	private final PageCache pages;

	private final GuestCookies guests;

	ArticlePageController(ArticleCatalogue catalogue, PhotoLibrary photos, CommentRecords records,
			ThreadFragments threads, CommentForms forms, ShareTags share, LiveThreads live, LiveBlog liveBlog,
			PageCache pages, GuestCookies guests) {
		this.guests = guests;
		this.pages = pages;
		this.liveBlog = liveBlog;
		this.share = share;
		this.live = live;
		this.catalogue = catalogue;
		this.photos = photos;
		this.records = records;
		this.threads = threads;
		this.forms = forms;
	}

	@GetMapping("/articles/{slug}")
	ModelAndView article(@PathVariable String slug, @RequestParam(defaultValue = "1") String cpage,
			@RequestParam(defaultValue = "oldest") String corder,
			@RequestParam(name = "replytocom", required = false) String replyTo,
			@RequestParam(required = false) String posted, @RequestParam(required = false) String held,
			HttpServletRequest request) {
		Article article = catalogue.published(slug)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		// before the thread, the gallery and the live blog are read (a guest's page is
		// kept, see site.PageCache)
		pages.keep(request, article.id());
		ThreadOrder order = ThreadOrder.parse(corder);
		// before the thread is read: what happens after this is on the page or reaches it
		// through the stream
		String livePosition = live.position(article.id());
		var changeable = guests.changeableOn(article.id(), request);
		var thread = threads
			.changeableBy(
					threads.likedBy(
							threads.render(new ThreadFragments.Wanted(article.id(), order, number(cpage),
									RequestContextUtils.getLocale(request))),
							guests.likedOn(article.id(), request), RequestContextUtils.getLocale(request)),
					changeable, RequestContextUtils.getLocale(request));
		var authentication = org.springframework.security.core.context.SecurityContextHolder.getContext()
			.getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof org.veche.identity.SignedIn signedIn
				&& signedIn.moderates()) {
			// a moderator's page is their own (a session): the picks' buttons go into
			// their copy of the thread
			var csrf = (org.springframework.security.web.csrf.CsrfToken) request
				.getAttribute(org.springframework.security.web.csrf.CsrfToken.class.getName());
			thread = threads.forModerator(thread, csrf, RequestContextUtils.getLocale(request));
		}
		List<Photo> gallery = photos.gallery(article.id());
		Photo cover = article.coverPhotoId() == null ? null : photos.photo(article.coverPhotoId()).orElse(null);
		Comment parent = replyTo == null ? null
				: records.comment(number(replyTo))
					.filter(c -> c.articleId() == article.id() && c.isApproved())
					.orElse(null);
		// the reader's own comments awaiting moderation: on their page alone (the cookie
		// keeps it out of the cache)
		var ownHeld = guests.heldOn(article.id(), request);
		var locale = RequestContextUtils.getLocale(request);
		var discussion = new ArticlePage.Discussion(thread,
				ownHeld.stream()
					.map(c -> threads.changeableBy(threads.renderOne(c, locale), changeable, locale))
					.toList(),
				guests.removedOn(article.id(), request), forms.blank(article, parent, request),
				posted == null ? 0L : number(posted), held != null);
		// the cover is shown above the text: never again as the first photo of the
		// gallery (photo stories too)
		var shownPhotos = new ArticlePage.Photos(cover,
				cover == null ? gallery : gallery.stream().filter(p -> p.id() != cover.id()).toList());
		var following = new ArticlePage.Live(livePosition, liveRoots(order, thread.page(), thread.pages()),
				liveBlog.view(article.id()));
		Photo shown = cover != null ? cover : gallery.isEmpty() ? null : gallery.get(0);
		var card = share.card(article,
				shown == null ? null
						: new ShareCard.Picture(shown.image().src(shown.image().largestWidth()), shown.text().alt()),
				request);
		return new ModelAndView("reading/article", "model",
				new ArticlePage(article, shownPhotos, discussion, card, following));
	}

	/**
	 * One photo of a story at its own address, with the previous and next ones linked:
	 * the viewer for a reader without JavaScript, and an address to share. The cover is
	 * photo 1, then the gallery in its order.
	 */
	@GetMapping("/articles/{slug}/photos/{number}")
	ModelAndView photo(@PathVariable String slug, @PathVariable String number, HttpServletRequest request) {
		Article article = catalogue.published(slug)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		pages.keep(request, article.id());
		List<Photo> sequence = sequence(article);
		int n;
		try {
			n = Integer.parseInt(number.strip());
		}
		catch (NumberFormatException ex) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		if (n < 1 || n > sequence.size()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return new ModelAndView("reading/photo-page", "model",
				new PhotoPage(article, sequence.get(n - 1), n, sequence.size()));
	}

	/**
	 * The story's photos as a reader goes through them: the cover first, then the gallery
	 * without it.
	 */
	private List<Photo> sequence(Article article) {
		List<Photo> gallery = photos.gallery(article.id());
		Photo cover = article.coverPhotoId() == null ? null : photos.photo(article.coverPhotoId()).orElse(null);
		if (cover == null) {
			return gallery;
		}
		var all = new java.util.ArrayList<Photo>();
		all.add(cover);
		gallery.stream().filter(p -> p.id() != cover.id()).forEach(all::add);
		return all;
	}

	/**
	 * Where a new top-level comment goes on this page of the thread, if it shows here at
	 * all.
	 */
	private static String liveRoots(ThreadOrder order, int page, int pages) {
		if (order == ThreadOrder.NEWEST) {
			return page == 1 ? "prepend" : "none";
		}
		// oldest first, or by likes (a new comment has none): it belongs at the end of
		// the last page
		return page == pages ? "append" : "none";
	}

	static int number(String value) {
		try {
			return Math.max(1, Integer.parseInt(value.strip()));
		}
		catch (NumberFormatException ex) {
			return 1;
		}
	}

}
