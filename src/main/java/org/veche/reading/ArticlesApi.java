package org.veche.reading;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.veche.discussion.Threads;
import org.veche.media.Photo;
import org.veche.media.PhotoLibrary;
import org.veche.publishing.Article;
import org.veche.publishing.ArticleCatalogue;
import org.veche.site.RejectedInput;

/**
 * Published articles over JSON, newest first, with their comment counts.
 */
@RestController
class ArticlesApi {

	private final ArticleCatalogue catalogue;

	private final Threads threads;

	private final PhotoLibrary photos;

	ArticlesApi(ArticleCatalogue catalogue, Threads threads, PhotoLibrary photos) {
		this.catalogue = catalogue;
		this.threads = threads;
		this.photos = photos;
	}

	record Item(long id, String slug, String title, String url, Instant publishedAt, int comments) {
	}

	record Page(long total, int page, int size, List<Item> articles) {
	}

	record PhotoView(long id, String caption, String credit, String alt, int width, int height, String url,
			String srcset) {
	}

	record Full(long id, String slug, String kind, String title, String lead, String html, String author,
			Instant publishedAt, List<String> tags, Article.Source source, String url, int comments,
			List<PhotoView> photos) {
	}

	@GetMapping("/api/v1/articles")
	Page list(@RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "20") int size) {
		var listing = catalogue.latest(page, size);
		var counts = threads.counts(listing.articles().stream().map(a -> a.id()).toList());
		var items = listing.articles()
			.stream()
			.map(a -> new Item(a.id(), a.slug(), a.title(), url(a.path()), a.publishedAt(),
					counts.getOrDefault(a.id(), 0)))
			.toList();
		return new Page(listing.total(), listing.page(), listing.size(), items);
	}

	@GetMapping("/api/v1/articles/{slug}")
	Full one(@PathVariable String slug) {
		Article a = catalogue.published(slug)
			.orElseThrow(() -> new RejectedInput(HttpStatus.NOT_FOUND, "article.notFound"));
		int comments = threads.counts(List.of(a.id())).getOrDefault(a.id(), 0);
		List<PhotoView> gallery = photos.gallery(a.id()).stream().map(ArticlesApi::photo).toList();
		return new Full(a.id(), a.slug(), a.kind().name().toLowerCase(Locale.ROOT), a.title(), a.lead(), a.bodyHtml(),
				a.authorName(), a.publishedAt(), a.tags(), a.source(), url(a.path()), comments, gallery);
	}

	private static PhotoView photo(Photo p) {
		return new PhotoView(p.id(), p.text().caption(), p.text().credit(), p.text().alt(), p.image().width(),
				p.image().height(), url(p.image().src(p.image().largestWidth())), p.image().srcset());
	}

	private static String url(String path) {
		return ServletUriComponentsBuilder.fromCurrentContextPath().path(path).toUriString();
	}

}
