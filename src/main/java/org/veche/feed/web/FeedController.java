package org.veche.feed.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.veche.discussion.Comment;
import org.veche.discussion.Threads;
import org.veche.feed.internal.FeedWriter.Channel;
import org.veche.feed.internal.FeedWriter.Format;
import org.veche.feed.internal.FeedWriter.Item;
import org.veche.feed.internal.FeedWriter;
import org.veche.publishing.Article;
import org.veche.publishing.ArticleCatalogue;
import org.veche.publishing.ArticleSummary;
import org.veche.site.PageCache;
import org.veche.site.SiteAddress;
import org.veche.site.SiteProperties;

/**
 * RSS 2.0 at .../feed and Atom at .../feed/atom (the addresses WordPress uses, so feeds
 * imported from there keep working): the site's articles, a tag's, an author's, and the
 * approved comments of an article or of the whole site. Only what a reader of the site
 * can see goes in: published articles, approved comments of them.
 */
@Controller
class FeedController {

	static final int ARTICLES = 20;

	static final int COMMENTS = 50;

	private final ArticleCatalogue catalogue;

	private final Threads threads;

	private final SiteProperties site;

	private final SiteAddress address;

	private final MessageSource messages;

	private final Conditional conditional;

	private final PageCache pages;

	FeedController(ArticleCatalogue catalogue, Threads threads, SiteProperties site, SiteAddress address,
			MessageSource messages, Conditional conditional, PageCache pages) {
		this.pages = pages;
		this.catalogue = catalogue;
		this.threads = threads;
		this.site = site;
		this.address = address;
		this.messages = messages;
		this.conditional = conditional;
	}

	@GetMapping({ "/feed", "/feed/atom" })
	ResponseEntity<byte[]> site(HttpServletRequest request) {
		pages.keepListing(request);
		var listing = catalogue.latest(1, ARTICLES).articles();
		return articles(request, site.siteName(), t(request, "feed.site.description", site.siteName()), "/", listing);
	}

	@GetMapping({ "/tags/{tag}/feed", "/tags/{tag}/feed/atom" })
	ResponseEntity<byte[]> tag(@PathVariable String tag, HttpServletRequest request) {
		pages.keepListing(request);
		String clean = tag.toLowerCase(Locale.ROOT);
		var listing = catalogue.tagged(clean, 1, ARTICLES);
		if (listing.total() == 0) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		String page = "/tags/" + org.springframework.web.util.UriUtils.encodePathSegment(clean,
				java.nio.charset.StandardCharsets.UTF_8);
		return articles(request, t(request, "feed.tag.title", site.siteName(), clean),
				t(request, "feed.tag.description", clean), page, listing.articles());
	}

	@GetMapping({ "/authors/{id}/feed", "/authors/{id}/feed/atom" })
	ResponseEntity<byte[]> author(@PathVariable long id, HttpServletRequest request) {
		pages.keepListing(request);
		var listing = catalogue.byAuthor(id, ARTICLES);
		if (listing.isEmpty()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		String name = listing.get(0).authorName();
		return articles(request, t(request, "feed.author.title", site.siteName(), name),
				t(request, "feed.author.description", name), "/", listing);
	}

	@GetMapping({ "/articles/{slug}/feed", "/articles/{slug}/feed/atom" })
	ResponseEntity<byte[]> articleComments(@PathVariable String slug, HttpServletRequest request) {
		Article article = catalogue.published(slug)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		pages.keep(request, article.id());
		var comments = threads.newestApproved(article.id(), Long.MAX_VALUE, COMMENTS);
		var items = comments.stream().map(c -> commentItem(request, c, article.title(), article.path())).toList();
		return respond(request, new Channel(t(request, "feed.article.title", article.title()),
				t(request, "feed.article.description", article.title()), self(request),
				absolute(request, article.path()), language(request), newest(items, article.publishedAt()), items));
	}

	@GetMapping({ "/comments/feed", "/comments/feed/atom" })
	ResponseEntity<byte[]> siteComments(HttpServletRequest request) {
		pages.keepListing(request);
		var items = new ArrayList<Item>();
		long before = Long.MAX_VALUE;
		// a comment stays approved when its article goes back to draft: page back past
		// those, a bounded number of times
		for (int round = 0; round < 5 && items.size() < COMMENTS; round++) {
			List<Comment> batch = threads.newestApproved(null, before, COMMENTS * 2);
			if (batch.isEmpty()) {
				break;
			}
			var visible = catalogue.visibleAmong(batch.stream().map(Comment::articleId).distinct().toList());
			for (Comment comment : batch) {
				ArticleSummary article = visible.get(comment.articleId());
				if (article != null && items.size() < COMMENTS) {
					items.add(commentItem(request, comment, article.title(), article.path()));
				}
			}
			before = batch.get(batch.size() - 1).id();
		}
		return respond(request,
				new Channel(t(request, "feed.comments.title", site.siteName()),
						t(request, "feed.comments.description", site.siteName()), self(request), absolute(request, "/"),
						language(request), newest(items, Instant.EPOCH), items));
	}

	private ResponseEntity<byte[]> articles(HttpServletRequest request, String title, String description, String page,
			Collection<ArticleSummary> articles) {
		var items = articles.stream()
			.map(a -> new Item(a.title(), absolute(request, a.path()), a.authorName(), a.publishedAt(), a.publishedAt(),
					a.lead(), false, a.tags()))
			.toList();
		return respond(request, new Channel(title, description, self(request), absolute(request, page),
				language(request), newest(items, Instant.EPOCH), items));
	}

	private Item commentItem(HttpServletRequest request, Comment comment, String articleTitle, String articlePath) {
		return new Item(t(request, "feed.comment.title", comment.authorName(), articleTitle),
				absolute(request, articlePath + "#" + comment.anchor()), comment.authorName(), comment.createdAt(),
				comment.createdAt(), comment.bodyHtml(), true,
				comment.isFeatured() ? List.of(t(request, "comment.featured")) : List.of());
	}

	private ResponseEntity<byte[]> respond(HttpServletRequest request, Channel channel) {
		Format format = request.getRequestURI().endsWith("/atom") ? Format.ATOM : Format.RSS;
		byte[] body = FeedWriter.write(channel, format);
		return conditional.respond(request.getRequestURI() + "|" + channel.language(), body, format.mediaType);
	}

	private static Instant newest(List<Item> items, Instant otherwise) {
		return items.stream().map(Item::updated).max(Instant::compareTo).orElse(otherwise);
	}

	private String self(HttpServletRequest request) {
		return absolute(request, request.getRequestURI().substring(request.getContextPath().length()));
	}

	private String absolute(HttpServletRequest request, String path) {
		return address.absolute(request, path);
	}

	private static String language(HttpServletRequest request) {
		return RequestContextUtils.getLocale(request).getLanguage();
	}

	private String t(HttpServletRequest request, String key, Object... args) {
		return messages.getMessage(key, args, key, RequestContextUtils.getLocale(request));
	}

}
