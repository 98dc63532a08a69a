package org.veche.importer.internal;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;

/**
 * The HTML other platforms store, turned into what the site stores: comments become
 * Markdown (the site renders every comment from Markdown with HTML escaped), article
 * bodies keep their HTML but lose what would make a reader's browser call the old site
 * (images elsewhere become links) and WordPress's gallery shortcodes.
 */
final class HtmlText {

	private static final Pattern GALLERY = Pattern.compile("\\[gallery[^\\]]*\\]");

	private static final Pattern CAPTION = Pattern.compile("\\[/?caption[^\\]]*\\]");

	private static final Pattern MARKDOWN_SPECIAL = Pattern.compile("([\\\\`*_\\[\\]])");

	private HtmlText() {
	}

	/**
	 * Text with its entities decoded, e.g. a commenter's name WordPress stored as
	 * "Cynwise&#039;s".
	 */
	static String unescape(String html) {
		return Parser.unescapeEntities(html == null ? "" : html, false).strip();
	}

	/**
	 * A comment's HTML (or WordPress's plain text with line breaks) as the site's
	 * Markdown.
	 */
	static String commentMarkdown(String html) {
		Document document = Jsoup.parseBodyFragment(html == null ? "" : html);
		var out = new StringBuilder();
		for (Node node : document.body().childNodes()) {
			markdown(node, out);
		}
		return out.toString().replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip();
	}

	private static void markdown(Node node, StringBuilder out) {
		if (node instanceof TextNode text) {
			out.append(MARKDOWN_SPECIAL.matcher(text.getWholeText()).replaceAll("\\\\$1"));
			return;
		}
		if (!(node instanceof Element element)) {
			return;
		}
		String tag = element.normalName();
		switch (tag) {
			case "br" -> out.append("\n");
			case "p", "div" -> {
				out.append("\n\n");
				children(element, out);
				out.append("\n\n");
			}
			case "b", "strong" -> wrap(element, out, "**");
			case "i", "em" -> wrap(element, out, "*");
			case "code" -> out.append('`').append(element.text().replace("`", "'")).append('`');
			case "pre" -> out.append("\n\n```\n").append(element.wholeText().replace("```", "'''")).append("\n```\n\n");
			case "blockquote" -> {
				var inner = new StringBuilder();
				children(element, inner);
				out.append("\n\n");
				for (String line : inner.toString().strip().split("\n")) {
					out.append("> ").append(line).append('\n');
				}
				out.append('\n');
			}
			case "li" -> {
				out.append("\n- ");
				children(element, out);
			}
			case "ul", "ol" -> {
				children(element, out);
				out.append("\n\n");
			}
			case "a" -> {
				String href = element.attr("href").strip();
				var inner = new StringBuilder();
				children(element, inner);
				if (isWebLink(href)) {
					out.append('[')
						.append(inner.toString().strip().isEmpty() ? href : inner.toString().strip())
						.append("](")
						.append(href.replace(")", "%29").replace(" ", "%20"))
						.append(')');
				}
				else {
					out.append(inner);
				}
			}
			case "img" -> {
				String src = element.attr("src").strip();
				if (isWebLink(src)) {
					String alt = element.attr("alt").strip();
					out.append('[')
						.append(alt.isEmpty() ? src : alt)
						.append("](")
						.append(src.replace(")", "%29"))
						.append(')');
				}
			}
			case "script", "style" -> {
				// never shown, never kept
			}
			default -> children(element, out);
		}
	}

	private static void wrap(Element element, StringBuilder out, String mark) {
		var inner = new StringBuilder();
		children(element, inner);
		String text = inner.toString().strip();
		if (!text.isEmpty()) {
			out.append(mark).append(text).append(mark);
		}
	}

	private static void children(Element element, StringBuilder out) {
		for (Node child : element.childNodes()) {
			markdown(child, out);
		}
	}

	/**
	 * An article body as the site keeps it: WordPress's HTML (the site's Markdown
	 * renderer lets HTML through its sanitizer), without gallery shortcodes (the gallery
	 * is the site's own now), and with every image that lives elsewhere turned into a
	 * link to it, told to {@code linked}, so that no page calls the old host.
	 */
	static String articleBody(String html, Consumer<String> linked) {
		String body = CAPTION.matcher(GALLERY.matcher(html == null ? "" : html).replaceAll("")).replaceAll("");
		if (!body.toLowerCase(Locale.ROOT).contains("<img")) {
			return body.strip();
		}
		Document document = Jsoup.parseBodyFragment(body);
		document.outputSettings().prettyPrint(false);
		for (Element image : document.select("img")) {
			String src = image.attr("src").strip();
			if (src.startsWith("/") && !src.startsWith("//")) {
				continue;
			}
			String alt = image.attr("alt").strip();
			if (isWebLink(src)) {
				linked.accept(src);
				Element parent = image.parent();
				if (parent != null && parent.normalName().equals("a")) {
					// the usual WordPress thumbnail inside a link to the full size: the
					// link stays, with words
					image.replaceWith(new TextNode(alt.isEmpty() ? fileName(src) : alt));
				}
				else {
					image.replaceWith(new Element("a").attr("href", src).text(alt.isEmpty() ? fileName(src) : alt));
				}
			}
			else {
				image.remove();
			}
		}
		return document.body().html().strip();
	}

	/**
	 * The ids a gallery names, in order: [gallery ids="1,2"] and the block editor's
	 * wp:gallery {"ids":[1,2]}.
	 */
	static List<Long> galleryIds(String html) {
		var ids = new java.util.ArrayList<Long>();
		var shortcode = Pattern.compile("\\[gallery[^\\]]*\\bids=[\"']?([0-9, ]+)").matcher(html == null ? "" : html);
		while (shortcode.find()) {
			numbers(shortcode.group(1), ids);
		}
		var block = Pattern.compile("<!-- wp:gallery \\{[^}]*\"ids\":\\[([0-9, ]*)\\]")
			.matcher(html == null ? "" : html);
		while (block.find()) {
			numbers(block.group(1), ids);
		}
		return ids.stream().distinct().toList();
	}

	/** A [gallery] without ids shows every image attached to the post. */
	static boolean hasGalleryOfAttachments(String html) {
		return Pattern.compile("\\[gallery(?![^\\]]*\\bids=)[^\\]]*\\]").matcher(html == null ? "" : html).find();
	}

	private static void numbers(String list, List<Long> into) {
		for (String part : list.split("[ ,]+")) {
			if (!part.isBlank()) {
				try {
					into.add(Long.parseLong(part.strip()));
				}
				catch (NumberFormatException ex) {
					// not an id
				}
			}
		}
	}

	static boolean isWebLink(String url) {
		String lower = url == null ? "" : url.toLowerCase(Locale.ROOT);
		return (lower.startsWith("http://") || lower.startsWith("https://")) && lower.length() <= 2000;
	}

	private static String fileName(String url) {
		String path = url.replaceAll("[?#].*$", "");
		String name = path.substring(path.lastIndexOf('/') + 1);
		return name.isEmpty() ? url : name;
	}

}
