package org.veche.importer.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.veche.importer.ImportFailed;
import org.veche.importer.ImportProgress;
import org.veche.importer.ImportReport;
import org.veche.media.Photo;
import org.veche.media.PhotoLibrary;
import org.veche.media.PhotoText;
import org.veche.publishing.Article;
import org.veche.publishing.ImportedArticle;
import org.veche.publishing.ArticleDraft;
import org.veche.publishing.ArticleIntake;
import org.veche.publishing.Newsroom;

/**
 * A WordPress export (WXR 1.0, 1.1 or 1.2) brought in: one pass reads the whole file and
 * writes nothing, so a broken or hostile file stops before the site is touched; the
 * images posts use are fetched; a second pass writes everything in one transaction. What
 * an earlier import of the same site brought in is recognised by its WordPress id and
 * left as it is.
 */
@Component
public class WxrImport {

	private static final Set<String> RECORDS = Set.of("item", "wp:author", "wp:wxr_version", "wp:base_site_url",
			"wp:base_blog_url", "link", "title");

	private final ArticleIntake publishing;

	private final Newsroom newsroom;

	private final PhotoLibrary photos;

	private final ImportedIds ids;

	private final OldPermalinks permalinks;

	private final WxrComments comments;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final ImageFetching fetching;

	WxrImport(ArticleIntake publishing, Newsroom newsroom, PhotoLibrary photos, ImportedIds ids,
			OldPermalinks permalinks, WxrComments comments, TransactionTemplate transaction, Clock clock,
			ImageFetching fetching) {
		this.fetching = fetching;
		this.publishing = publishing;
		this.newsroom = newsroom;
		this.photos = photos;
		this.ids = ids;
		this.permalinks = permalinks;
		this.comments = comments;
		this.transaction = transaction;
		this.clock = clock;
	}

	record Attachment(String id, String url, String parentId, String title, String caption, String alt, String link) {
	}

	/**
	 * What the checking pass learnt: enough to fetch images and count, never the posts
	 * themselves.
	 */
	static final class Survey {

		String root;

		String version;

		String site = "";

		String channelLink = "";

		String channelTitle = "";

		final Map<String, String> authors = new HashMap<>();

		final Map<String, Attachment> attachments = new LinkedHashMap<>();

		final Map<String, List<String>> imagesOf = new HashMap<>();

		final Map<String, List<String>> childrenOf = new HashMap<>();

		long records;

		String source() {
			String site = !this.site.isEmpty() ? this.site : channelLink;
			return "wxr:" + site.replaceAll("^https?://", "").replaceAll("/+$", "").toLowerCase(java.util.Locale.ROOT);
		}

	}

	public void run(Path file, ImportProgress progress, ImportReport report) {
		Survey survey = survey(file, progress);
		try (ImageFetcher fetcher = fetching.open()) {
			fetchImages(survey, fetcher, progress);
			progress.begin(ImportProgress.Phase.WRITING, survey.records);
			transaction.executeWithoutResult(status -> write(file, survey, fetcher, progress, report));
		}
	}

	Survey survey(Path file, ImportProgress progress) {
		progress.begin(ImportProgress.Phase.CHECKING, 0);
		var survey = new Survey();
		Instant now = clock.instant();
		XmlRecords.read(file, root -> survey.root = root, RECORDS, node -> {
			progress.step();
			switch (node.name()) {
				case "wp:wxr_version" -> survey.version = node.text().strip();
				case "wp:base_blog_url" -> survey.site = node.text().strip();
				case "wp:base_site_url" -> {
					if (survey.site.isEmpty()) {
						survey.site = node.text().strip();
					}
				}
				case "link" -> {
					if (survey.channelLink.isEmpty()) {
						survey.channelLink = node.text().strip();
					}
				}
				case "title" -> {
					if (survey.channelTitle.isEmpty()) {
						survey.channelTitle = node.text().strip();
					}
				}
				case "wp:author" ->
					survey.authors.put(node.text("wp:author_login"), node.text("wp:author_display_name").isEmpty()
							? node.text("wp:author_login") : node.text("wp:author_display_name"));
				case "item" -> surveyItem(node, survey, now);
				default -> {
				}
			}
		});
		if (!"rss".equals(survey.root) || survey.version == null) {
			throw new ImportFailed("importer.error.notWxr",
					"This is not a WordPress export (WXR): no <rss> with a wp:wxr_version.");
		}
		if (!Set.of("1.0", "1.1", "1.2").contains(survey.version)) {
			throw new ImportFailed("importer.error.wxrVersion",
					"WXR version " + survey.version + " is not one the site reads (1.0, 1.1, 1.2).", survey.version);
		}
		return survey;
	}

	private void surveyItem(XmlNode item, Survey survey, Instant now) {
		survey.records++;
		survey.records += item.children("wp:comment").size();
		String id = item.text("wp:post_id");
		if (item.text("wp:post_type").equals("attachment")) {
			String url = item.text("wp:attachment_url").isEmpty() ? item.text("guid") : item.text("wp:attachment_url");
			survey.attachments.put(id, new Attachment(id, url, item.text("wp:post_parent"),
					Clean.line(HtmlText.unescape(item.text("title")), 1_000),
					Clean.line(HtmlText.unescape(item.text("excerpt:encoded")), 1_000),
					Clean.line(WxrPost.meta(item, "_wp_attachment_image_alt").orElse(""), 1_000), item.text("link")));
			survey.childrenOf.computeIfAbsent(item.text("wp:post_parent"), k -> new ArrayList<>()).add(id);
			return;
		}
		WxrPost post = WxrPost.of(item, survey.authors, now);
		if (post.skipped() || ids.find(survey.source(), ImportedIds.Kind.ARTICLE, post.id()).isPresent()) {
			return;
		}
		var images = new LinkedHashSet<String>();
		if (post.media().thumbnailId() != null) {
			images.add(post.media().thumbnailId());
		}
		post.media().galleryIds().forEach(gallery -> images.add(String.valueOf(gallery)));
		if (post.media().galleryOfAttachments()) {
			images.add("children:" + id);
		}
		if (!images.isEmpty()) {
			survey.imagesOf.put(id, List.copyOf(images));
		}
	}

	/**
	 * The attachments a post shows, in order: its featured image first, then its gallery.
	 */
	private static List<Attachment> imagesOf(String postId, Survey survey) {
		var found = new LinkedHashMap<String, Attachment>();
		for (String ref : survey.imagesOf.getOrDefault(postId, List.of())) {
			List<String> refs = ref.startsWith("children:") ? survey.childrenOf.getOrDefault(postId, List.of())
					: List.of(ref);
			for (String id : refs) {
				Attachment attachment = survey.attachments.get(id);
				if (attachment != null && !attachment.url().isEmpty()) {
					found.putIfAbsent(id, attachment);
				}
			}
		}
		return List.copyOf(found.values());
	}

	private void fetchImages(Survey survey, ImageFetcher fetcher, ImportProgress progress) {
		var urls = new LinkedHashSet<String>();
		for (String postId : survey.imagesOf.keySet()) {
			imagesOf(postId, survey).forEach(a -> urls.add(a.url()));
		}
		progress.begin(ImportProgress.Phase.DOWNLOADING, urls.size());
		for (String url : urls) {
			var result = fetcher.fetch(url);
			if (result.ok() && !photos.readable(result.bytes())) {
				fetcher.reject(url, "not an image the site can read");
			}
			progress.step();
		}
	}

	private void write(Path file, Survey survey, ImageFetcher fetcher, ImportProgress progress, ImportReport report) {
		String source = survey.source();
		Instant now = clock.instant();
		var articleOf = new HashMap<String, Long>();
		XmlRecords.read(file, root -> {
		}, Set.of("item"), item -> {
			progress.step();
			if (item.text("wp:post_type").equals("attachment")) {
				return;
			}
			WxrPost post = WxrPost.of(item, survey.authors, now);
			String what = post.story().title() + " (" + post.type() + " " + post.id() + ")";
			if (post.skipped()) {
				report.skip(post.fate().skipReason(), what, item.text("wp:post_type"), item.text("wp:status"));
				item.children("wp:comment").forEach(c -> progress.step());
				return;
			}
			var existing = ids.find(source, ImportedIds.Kind.ARTICLE, post.id());
			long articleId;
			if (existing.isPresent()) {
				articleId = existing.get();
				report.count("importer.count.alreadyThere");
			}
			else {
				articleId = create(post, survey, fetcher, report, now);
				ids.remember(source, ImportedIds.Kind.ARTICLE, post.id(), articleId, now);
			}
			articleOf.put(post.id(), articleId);
			for (String address : post.addresses().old()) {
				permalinks.remember(address, articleId, now);
			}
			comments.add(item, source, articleId, progress, report);
		});
		// an attachment's own page on the old site now leads to the article it belongs to
		for (Attachment attachment : survey.attachments.values()) {
			Long articleId = articleOf.get(attachment.parentId());
			if (articleId != null) {
				OldAddresses.ofUrl(attachment.link()).ifPresent(a -> permalinks.remember(a, articleId, now));
				permalinks.remember("/?attachment_id=" + attachment.id(), articleId, now);
			}
			else if (survey.imagesOf.values().stream().noneMatch(refs -> refs.contains(attachment.id()))) {
				report.skip("importer.skip.attachment", attachment.title(), attachment.url());
			}
		}
	}

	private long create(WxrPost post, Survey survey, ImageFetcher fetcher, ImportReport report, Instant now) {
		String title = post.story().title();
		var links = new ArrayList<String>();
		String body = HtmlText.articleBody(post.story().html(), url -> {
			links.add(url);
			report.keptAsLink("importer.link.inline", url, title);
		});
		List<Attachment> images = imagesOf(post.id(), survey);
		var unreachable = new StringBuilder();
		for (Attachment image : images) {
			var fetched = fetcher.fetchedBefore(image.url());
			if (fetched.isEmpty() || !fetched.get().ok()) {
				String reason = fetched.map(ImageFetcher.Result::failure).orElse("not fetched");
				report.keptAsLink("importer.link.image", image.url(), title, reason);
				String words = image.caption().isEmpty() ? image.title() : image.caption();
				unreachable.append("\n\n<p><a href=\"")
					.append(escape(image.url()))
					.append("\">")
					.append(escape(words.isEmpty() ? image.url() : words))
					.append("</a></p>");
			}
		}
		if (post.fate().note() != null) {
			report.skip(post.fate().note(), title + " (" + post.type() + " " + post.id() + ")");
		}
		if (post.story().tagsDropped() > 0) {
			report.skip("importer.note.tags", title, post.story().tagsDropped());
		}
		WxrPost.Story story = post.story();
		Instant date = post.schedule().date();
		Article article = publishing.importArticle(new ImportedArticle(
				new ArticleDraft(Article.Kind.ARTICLE, new ArticleDraft.Words(title, story.lead(), body + unreachable),
						story.tags(), null, new ArticleDraft.Plan(post.schedule().status(), post.publishedAt()), null),
				post.addresses().slug(), story.authorName(), date, date));
		report.count(post.type().equals("page") ? "importer.count.pages" : "importer.count.posts");
		report.count("importer.count.status." + article.status().name().toLowerCase(java.util.Locale.ROOT));
		boolean first = true;
		for (Attachment image : images) {
			var fetched = fetcher.fetchedBefore(image.url());
			if (fetched.isPresent() && fetched.get().ok()) {
				Photo photo = photos
					.add(article.id(), fetched.get().bytes(), new PhotoText(image.caption(), "", image.alt()))
					.photo();
				report.count("importer.count.photos");
				if (first && image.id().equals(post.media().thumbnailId())) {
					newsroom.setCover(article.id(), photo.id());
				}
			}
			first = false;
		}
		return article.id();
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

}
