package org.veche.archive.internal;

import static org.veche.archive.internal.WxrExport.ATTACHMENT_IDS;
import static org.veche.archive.internal.WxrExport.CONTENT;
import static org.veche.archive.internal.WxrExport.DC;
import static org.veche.archive.internal.WxrExport.EXCERPT;
import static org.veche.archive.internal.WxrExport.WP;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.veche.discussion.Comment;
import org.veche.discussion.ExportedComment;
import org.veche.media.Photo;
import org.veche.publishing.Article;

/**
 * One {@code <item>} of a WXR file: an article (a post) with its tags, featured image and
 * comments, or one of its photos (an attachment whose parent is the article).
 */
final class WxrItem {

	private final Xml w;

	private final XMLStreamWriter xml;

	private final String baseUrl;

	private final ZoneId zone;

	WxrItem(Xml w, String baseUrl, ZoneId zone) {
		this.w = w;
		this.xml = w.writer();
		this.baseUrl = baseUrl;
		this.zone = zone;
	}

	void article(Article article, String login, List<Photo> gallery, List<ExportedComment> thread)
			throws XMLStreamException {
		Instant date = article.publishedAt() != null ? article.publishedAt() : article.updatedAt();
		String content = article.bodyHtml();
		if (!gallery.isEmpty()) {
			// Veche shows an article's photos under it; WordPress shows a post's attached
			// photos where its gallery shortcode stands (an importer that brings in only
			// the photos a post shows needs it too)
			content = content + "\n[gallery]";
		}
		xml.writeCharacters("\n");
		xml.writeStartElement("item");
		w.cdata(null, "title", article.title());
		w.text("link", baseUrl + article.path());
		w.text("pubDate", DateTimeFormatter.RFC_1123_DATE_TIME.format(date.atOffset(ZoneOffset.UTC)));
		w.cdata(DC, "creator", login);
		guid(baseUrl + article.path());
		w.text("description", "");
		w.cdata(CONTENT, "encoded", content);
		w.cdata(EXCERPT, "encoded", article.lead());
		w.text(WP, "post_id", String.valueOf(article.id()));
		dates("post_date", date, article.status() == Article.Status.DRAFT && article.publishedAt() == null);
		dates("post_modified", article.updatedAt(), false);
		w.cdata(WP, "comment_status", "open");
		w.cdata(WP, "ping_status", "closed");
		w.cdata(WP, "post_name", article.slug());
		w.cdata(WP, "status", switch (article.status()) {
			case PUBLISHED -> "publish";
			case SCHEDULED -> "future";
			case DRAFT -> "draft";
		});
		w.text(WP, "post_parent", "0");
		w.text(WP, "menu_order", "0");
		w.cdata(WP, "post_type", "post");
		w.cdata(WP, "post_password", "");
		w.text(WP, "is_sticky", "0");
		for (String tag : article.tags()) {
			xml.writeCharacters("\n");
			xml.writeStartElement("category");
			xml.writeAttribute("domain", "post_tag");
			xml.writeAttribute("nicename", WxrExport.slug(tag));
			w.cdata(tag);
			xml.writeEndElement();
		}
		if (article.isPhotoStory()) {
			xml.writeCharacters("\n");
			xml.writeStartElement("category");
			xml.writeAttribute("domain", "post_format");
			xml.writeAttribute("nicename", "post-format-gallery");
			w.cdata("Gallery");
			xml.writeEndElement();
		}
		if (article.coverPhotoId() != null && gallery.stream().anyMatch(p -> p.id() == article.coverPhotoId())) {
			meta("postmeta", "_thumbnail_id", String.valueOf(ATTACHMENT_IDS + article.coverPhotoId()));
		}
		// what WordPress has no field for, under keys of Veche's own, so nothing is lost
		// on the way out
		meta("postmeta", "_veche_markdown", article.body());
		meta("postmeta", "_veche_kind", article.kind().name().toLowerCase(java.util.Locale.ROOT));
		if (article.source() != null) {
			meta("postmeta", "veche_source_name", article.source().name());
			if (article.source().url() != null) {
				meta("postmeta", "veche_source_url", article.source().url());
			}
		}
		for (ExportedComment each : thread) {
			comment(each);
		}
		xml.writeCharacters("\n");
		xml.writeEndElement();
	}

	private void comment(ExportedComment exported) throws XMLStreamException {
		Comment c = exported.comment();
		xml.writeCharacters("\n");
		xml.writeStartElement(WP, "comment");
		w.text(WP, "comment_id", String.valueOf(c.id()));
		w.cdata(WP, "comment_author", c.authorName());
		w.cdata(WP, "comment_author_email", exported.authorEmail());
		w.cdata(WP, "comment_author_url", c.authorUrl() == null ? "" : c.authorUrl());
		// Veche never stores readers' addresses
		w.cdata(WP, "comment_author_IP", "");
		dates("comment_date", c.createdAt(), false);
		w.cdata(WP, "comment_content", c.bodyHtml());
		w.cdata(WP, "comment_approved", WxrExport.approved(c));
		w.cdata(WP, "comment_type", switch (c.kind()) {
			case PINGBACK -> "pingback";
			case TRACKBACK -> "trackback";
			default -> "comment";
		});
		w.text(WP, "comment_parent", c.parentId() == null ? "0" : String.valueOf(c.parentId()));
		w.text(WP, "comment_user_id", c.accountId() == null ? "0" : String.valueOf(c.accountId()));
		meta("commentmeta", "_veche_markdown", c.body());
		meta("commentmeta", "veche_likes", String.valueOf(c.likes()));
		xml.writeCharacters("\n");
		xml.writeEndElement();
	}

	void attachment(Photo photo, Article article, String login) throws XMLStreamException {
		String url = baseUrl + photo.image().src(photo.image().largestWidth());
		Instant date = article.publishedAt() != null ? article.publishedAt() : article.updatedAt();
		String caption = photo.text().caption();
		String title = !caption.isBlank() ? caption : "photo-" + photo.id();
		xml.writeCharacters("\n");
		xml.writeStartElement("item");
		w.cdata(null, "title", title);
		w.text("link", baseUrl + article.path() + "#photo-" + photo.id());
		w.text("pubDate", DateTimeFormatter.RFC_1123_DATE_TIME.format(date.atOffset(ZoneOffset.UTC)));
		w.cdata(DC, "creator", login);
		guid(url);
		w.text("description", "");
		// WordPress keeps an image's description as its content and the caption as its
		// excerpt
		w.cdata(CONTENT, "encoded", photo.text().credit());
		w.cdata(EXCERPT, "encoded", photo.text().caption());
		w.text(WP, "post_id", String.valueOf(ATTACHMENT_IDS + photo.id()));
		dates("post_date", date, false);
		dates("post_modified", date, false);
		w.cdata(WP, "comment_status", "closed");
		w.cdata(WP, "ping_status", "closed");
		w.cdata(WP, "post_name", "photo-" + photo.id());
		w.cdata(WP, "status", "inherit");
		w.text(WP, "post_parent", String.valueOf(article.id()));
		w.text(WP, "menu_order", String.valueOf(photo.position()));
		w.cdata(WP, "post_type", "attachment");
		w.cdata(WP, "post_password", "");
		w.text(WP, "is_sticky", "0");
		w.cdata(WP, "attachment_url", url);
		meta("postmeta", "_wp_attachment_image_alt", photo.text().alt());
		meta("postmeta", "veche_credit", photo.text().credit());
		xml.writeCharacters("\n");
		xml.writeEndElement();
	}

	private void guid(String value) throws XMLStreamException {
		xml.writeCharacters("\n");
		xml.writeStartElement("guid");
		xml.writeAttribute("isPermaLink", "false");
		xml.writeCharacters(Xml.clean(value));
		xml.writeEndElement();
	}

	/**
	 * WordPress writes a date twice: in the site's zone and in GMT; a draft never
	 * published has no GMT date.
	 */
	private void dates(String name, Instant instant, boolean unset) throws XMLStreamException {
		w.cdata(WP, name, WxrExport.localDate(instant, zone));
		w.cdata(WP, name + "_gmt", unset ? "0000-00-00 00:00:00" : WxrExport.localDate(instant, ZoneOffset.UTC));
	}

	private void meta(String element, String key, String value) throws XMLStreamException {
		xml.writeCharacters("\n");
		xml.writeStartElement(WP, element);
		w.cdata(WP, "meta_key", key);
		w.cdata(WP, "meta_value", value == null ? "" : value);
		xml.writeEndElement();
	}

}
