package org.veche.importer;

import java.util.ArrayList;
import java.util.List;

/**
 * WordPress exports the tests write themselves, in the shape WordPress writes them (WXR
 * 1.0, 1.1 or 1.2): a channel with its site, authors and terms, then items with their
 * meta, terms and comments.
 */
final class Wxr {

	private final String version;

	private final String site;

	private final List<String> authors = new ArrayList<>();

	private final List<String> items = new ArrayList<>();

	Wxr(String version, String site) {
		this.version = version;
		this.site = site;
	}

	String site() {
		return site;
	}

	Wxr author(String login, String displayName) {
		authors.add("<wp:author><wp:author_id>" + (authors.size() + 1) + "</wp:author_id><wp:author_login><![CDATA["
				+ login + "]]></wp:author_login><wp:author_email>" + login
				+ "@blog.example</wp:author_email><wp:author_display_name><![CDATA[" + displayName
				+ "]]></wp:author_display_name></wp:author>");
		return this;
	}

	/**
	 * A post or page; {@code extra} is more XML inside the item (terms, meta, comments).
	 */
	Wxr item(long id, String type, String status, String title, String slug, String gmtDate, String author,
			String content, String... extra) {
		var item = new StringBuilder("<item>\n<title>").append(title)
			.append("</title>\n<link>")
			.append(site)
			.append(type.equals("page") ? "/" + slug + "/" : "/2019/05/" + slug + "/")
			.append("</link>\n<pubDate>Mon, 06 May 2019 10:00:00 +0000</pubDate>\n<dc:creator><![CDATA[")
			.append(author)
			.append("]]></dc:creator>\n<guid isPermaLink=\"false\">")
			.append(site)
			.append("/?p=")
			.append(id)
			.append("</guid>\n<description></description>\n<content:encoded><![CDATA[")
			.append(content)
			.append("]]></content:encoded>\n<excerpt:encoded><![CDATA[]]></excerpt:encoded>\n<wp:post_id>")
			.append(id)
			.append("</wp:post_id>\n<wp:post_date><![CDATA[")
			.append(gmtDate)
			.append("]]></wp:post_date>\n<wp:post_date_gmt><![CDATA[")
			.append(status.equals("draft") ? "0000-00-00 00:00:00" : gmtDate)
			.append("]]></wp:post_date_gmt>\n<wp:comment_status><![CDATA[open]]></wp:comment_status>\n<wp:post_name><![CDATA[")
			.append(slug)
			.append("]]></wp:post_name>\n<wp:status><![CDATA[")
			.append(status)
			.append("]]></wp:status>\n<wp:post_parent>0</wp:post_parent>\n<wp:post_type><![CDATA[")
			.append(type)
			.append("]]></wp:post_type>\n");
		if (java.util.Arrays.stream(extra).noneMatch(e -> e.startsWith("<wp:post_password>"))) {
			item.append("<wp:post_password><![CDATA[]]></wp:post_password>\n");
		}
		for (String more : extra) {
			item.append(more).append('\n');
		}
		items.add(item.append("</item>").toString());
		return this;
	}

	Wxr attachment(long id, long parent, String url, String title, String caption, String alt) {
		items.add("<item><title>" + title + "</title><link>" + site + "/?attachment_id=" + id
				+ "</link><dc:creator>editor</dc:creator><guid isPermaLink=\"false\">" + url
				+ "</guid><content:encoded><![CDATA[]]></content:encoded><excerpt:encoded><![CDATA[" + caption
				+ "]]></excerpt:encoded><wp:post_id>" + id
				+ "</wp:post_id><wp:post_date>2019-05-01 09:00:00</wp:post_date><wp:post_date_gmt>2019-05-01 09:00:00</wp:post_date_gmt>"
				+ "<wp:post_name>" + title.toLowerCase().replace(' ', '-')
				+ "</wp:post_name><wp:status>inherit</wp:status><wp:post_parent>" + parent
				+ "</wp:post_parent><wp:post_type>attachment</wp:post_type><wp:attachment_url><![CDATA[" + url
				+ "]]></wp:attachment_url>" + meta("_wp_attachment_image_alt", alt) + "</item>");
		return this;
	}

	static String category(String name, String nicename) {
		return "<category domain=\"category\" nicename=\"" + nicename + "\"><![CDATA[" + name + "]]></category>";
	}

	static String tag(String name, String nicename) {
		return "<category domain=\"post_tag\" nicename=\"" + nicename + "\"><![CDATA[" + name + "]]></category>";
	}

	static String meta(String key, String value) {
		return "<wp:postmeta><wp:meta_key><![CDATA[" + key + "]]></wp:meta_key><wp:meta_value><![CDATA[" + value
				+ "]]></wp:meta_value></wp:postmeta>";
	}

	static String comment(long id, long parent, String author, String email, String url, String gmtDate,
			String approved, String type, String content) {
		return "<wp:comment><wp:comment_id>" + id + "</wp:comment_id><wp:comment_author><![CDATA[" + author
				+ "]]></wp:comment_author><wp:comment_author_email><![CDATA[" + email
				+ "]]></wp:comment_author_email><wp:comment_author_url>" + url
				+ "</wp:comment_author_url><wp:comment_author_IP><![CDATA[192.0.2.7]]></wp:comment_author_IP><wp:comment_date><![CDATA["
				+ gmtDate + "]]></wp:comment_date><wp:comment_date_gmt><![CDATA[" + gmtDate
				+ "]]></wp:comment_date_gmt><wp:comment_content><![CDATA[" + content
				+ "]]></wp:comment_content><wp:comment_approved><![CDATA[" + approved
				+ "]]></wp:comment_approved><wp:comment_type><![CDATA[" + type
				+ "]]></wp:comment_type><wp:comment_parent>" + parent
				+ "</wp:comment_parent><wp:comment_user_id>0</wp:comment_user_id></wp:comment>";
	}

	String xml() {
		String ns = "http://wordpress.org/export/" + version + "/";
		var xml = new StringBuilder(
				"""
						<?xml version="1.0" encoding="UTF-8" ?>
						<rss version="2.0" xmlns:excerpt="%sexcerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/"
						 xmlns:wfw="http://wellformedweb.org/CommentAPI/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="%s">
						<channel>
						<title>Test blog</title>
						<link>%s</link>
						<description>A blog</description>
						<language>en-US</language>
						<wp:wxr_version>%s</wp:wxr_version>
						"""
					.formatted(ns, ns, site, version));
		if (!version.equals("1.0")) {
			// WXR 1.0 has no base URLs and no authors: dc:creator alone names them
			xml.append("<wp:base_site_url>")
				.append(site)
				.append("</wp:base_site_url>\n<wp:base_blog_url>")
				.append(site)
				.append("</wp:base_blog_url>\n");
			authors.forEach(a -> xml.append(a).append('\n'));
		}
		xml.append("<generator>https://wordpress.org/?v=6.5</generator>\n");
		items.forEach(i -> xml.append(i).append('\n'));
		return xml.append("</channel>\n</rss>\n").toString();
	}

}
