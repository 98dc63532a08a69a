package org.veche.importer.internal;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jsoup.Jsoup;
import org.veche.publishing.Article;

/**
 * A WordPress post or page as the site will keep it, decided from its item alone, the
 * same way in the checking pass and in the writing pass; or the reason it is left out.
 *
 * @param id the post's id in the export
 * @param type "post" or "page" (or what else the export says, which is skipped)
 */
record WxrPost(String id, String type, Fate fate, Story story, Schedule schedule, Media media, Addresses addresses) {

	/**
	 * Whether the post comes in, and what changed on the way.
	 *
	 * @param skipReason a message key when the item is left out, else null
	 * @param note a message key for what changed on the way in (a private post kept as a
	 * draft), or null
	 */
	record Fate(String skipReason, String note) {
	}

	/**
	 * What the post says, cleaned.
	 *
	 * @param tags its categories and tags, at most {@link WxrPost#MAX_TAGS}
	 * @param tagsDropped how many more it had
	 */
	record Story(String title, String lead, String html, String authorName, List<String> tags, int tagsDropped) {
	}

	/**
	 * When it was or will be published.
	 *
	 * @param date its date on the old site, or the import's time when it had none
	 */
	record Schedule(Article.Status status, Instant date) {
	}

	/**
	 * The images it shows.
	 *
	 * @param thumbnailId the featured image's attachment id, or null
	 * @param galleryIds the attachment ids its gallery shortcodes name
	 * @param galleryOfAttachments whether a gallery shows every image attached to it
	 */
	record Media(String thumbnailId, List<Long> galleryIds, boolean galleryOfAttachments) {
	}

	/**
	 * Where it lives.
	 *
	 * @param slug its slug on the old site, decoded, for the site to make its own from
	 * @param old its addresses on the old site, which will lead to it
	 */
	record Addresses(String slug, List<String> old) {
	}

	static final int MAX_TAGS = 20;

	static final int MAX_BODY = 500_000;

	static WxrPost of(XmlNode item, Map<String, String> authors, Instant now) {
		String id = item.text("wp:post_id");
		String type = item.text("wp:post_type").isEmpty() ? "post" : item.text("wp:post_type");
		String status = item.text("wp:status");
		String skip = null;
		String note = null;
		if (!type.equals("post") && !type.equals("page")) {
			skip = "importer.skip.type";
		}
		Article.Status veche = switch (status) {
			case "publish" -> Article.Status.PUBLISHED;
			case "future" -> Article.Status.SCHEDULED;
			case "draft", "pending" -> Article.Status.DRAFT;
			case "private" -> {
				note = "importer.note.private";
				yield Article.Status.DRAFT;
			}
			default -> {
				if (skip == null) {
					skip = status.equals("trash") ? "importer.skip.trash"
							: status.equals("auto-draft") ? "importer.skip.autoDraft" : "importer.skip.status";
				}
				yield Article.Status.DRAFT;
			}
		};
		if (!item.text("wp:post_password").isEmpty() && veche != Article.Status.DRAFT) {
			// a password kept readers out there; here it would be open to all, so it
			// waits for an editor
			note = "importer.note.password";
			veche = Article.Status.DRAFT;
		}
		Instant date = Dates.wordpress(item.text("wp:post_date_gmt"))
			.or(() -> Dates.rss(item.text("pubDate")))
			.or(() -> Dates.wordpress(item.text("wp:post_date")))
			.orElse(now);
		String html = Clean.text(item.rawText("content:encoded"));
		if (skip == null && html.length() > MAX_BODY) {
			skip = "importer.skip.tooLong";
		}
		String title = Clean.line(HtmlText.unescape(item.text("title")), 300);
		String lead = Clean.line(Jsoup.parse(item.rawText("excerpt:encoded")).text(), 2_000);
		var tags = new LinkedHashSet<String>();
		for (XmlNode category : item.children("category")) {
			String domain = category.attribute("domain");
			String tag = Clean.line(HtmlText.unescape(category.text()), 60).toLowerCase(Locale.ROOT);
			if ((domain.equals("category") || domain.equals("post_tag") || domain.isEmpty()) && !tag.isEmpty()
					&& !(domain.equals("category") && category.attribute("nicename").equals("uncategorized"))) {
				tags.add(tag);
			}
		}
		List<String> kept = tags.stream().limit(MAX_TAGS).toList();
		String login = item.text("dc:creator");
		String author = Clean.line(HtmlText.unescape(authors.getOrDefault(login, login)), 200);
		String thumbnail = meta(item, "_thumbnail_id").orElse(null);
		var addresses = new java.util.ArrayList<String>();
		OldAddresses.ofUrl(item.text("link")).ifPresent(addresses::add);
		OldAddresses.ofUrl(item.text("guid")).filter(a -> a.contains("?")).ifPresent(addresses::add);
		if (!id.isEmpty()) {
			addresses.add(type.equals("page") ? "/?page_id=" + id : "/?p=" + id);
		}
		return new WxrPost(id, type, new Fate(skip, note),
				new Story(title.isEmpty() ? "Untitled" : title, lead, html, author.isEmpty() ? "—" : author, kept,
						tags.size() - kept.size()),
				new Schedule(veche, date),
				new Media(thumbnail, HtmlText.galleryIds(html), HtmlText.hasGalleryOfAttachments(html)),
				new Addresses(slug(item.text("wp:post_name")), addresses.stream().distinct().toList()));
	}

	static Optional<String> meta(XmlNode item, String key) {
		for (XmlNode meta : item.children("wp:postmeta")) {
			if (meta.text("wp:meta_key").equals(key) && !meta.text("wp:meta_value").isEmpty()) {
				return Optional.of(meta.text("wp:meta_value"));
			}
		}
		return Optional.empty();
	}

	/**
	 * WordPress keeps non-Latin slugs percent-encoded ("%d0%bf..."): the site makes its
	 * own from the words.
	 */
	private static String slug(String postName) {
		try {
			return java.net.URLDecoder.decode(postName.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return postName;
		}
	}

	boolean skipped() {
		return fate.skipReason() != null;
	}

	/** Readers saw it at its date, or will; a draft has no date of publication. */
	Instant publishedAt() {
		return schedule.status() == Article.Status.DRAFT ? null : schedule.date();
	}

}
