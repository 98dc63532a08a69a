package org.veche.site;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;
import org.springframework.stereotype.Component;

/**
 * Markdown to safe HTML: commonmark-java parses and renders, the OWASP sanitizer has the
 * last word, so that neither an editor's article nor a reader's comment can carry script
 * into a page.
 */
@Component
public class Markdown {

	private static final List<Extension> EXTENSIONS = List.of(AutolinkExtension.create());

	private final Parser articleParser = Parser.builder().extensions(EXTENSIONS).build();

	private final HtmlRenderer articleRenderer = HtmlRenderer.builder()
		.extensions(EXTENSIONS)
		.sanitizeUrls(true)
		.build();

	private final PolicyFactory articlePolicy = Sanitizers.FORMATTING.and(Sanitizers.BLOCKS)
		.and(Sanitizers.LINKS)
		.and(Sanitizers.IMAGES)
		.and(Sanitizers.TABLES)
		.and(new HtmlPolicyBuilder().allowElements("pre", "code", "hr", "figure", "figcaption").toFactory());

	/**
	 * Comments get paragraphs, emphasis, links, quotes, lists and code: no headings,
	 * images or raw HTML.
	 */
	private final Parser commentParser = Parser.builder()
		.extensions(EXTENSIONS)
		.enabledBlockTypes(Set.of(BlockQuote.class, FencedCodeBlock.class, IndentedCodeBlock.class, ListBlock.class))
		.build();

	/**
	 * Marks the links {@link MentionLinker} makes, by identity: no title a reader types
	 * is this very string.
	 */
	private static final String MENTION = new String("mention");

	private final HtmlRenderer commentRenderer = HtmlRenderer.builder()
		.extensions(EXTENSIONS)
		.attributeProviderFactory(context -> (node, tagName, attributes) -> {
			if (node instanceof Link link && link.getTitle() == MENTION) {
				attributes.remove("title");
				attributes.put("class", "mention");
			}
		})
		.escapeHtml(true)
		.sanitizeUrls(true)
		.softbreak("<br>\n")
		.build();

	private final PolicyFactory commentPolicy = new HtmlPolicyBuilder()
		.allowElements("p", "br", "em", "strong", "code", "pre", "blockquote", "ul", "ol", "li", "a")
		.allowAttributes("href")
		.onElements("a")
		.allowStandardUrlProtocols()
		// the only class a comment may carry: the mention links made from the parsed text
		// below, never typed
		.allowAttributes("class")
		.matching(Pattern.compile("mention"))
		.onElements("a")
		.requireRelsOnLinks("nofollow", "ugc", "noopener")
		.toFactory();

	public String article(String markdown) {
		return articlePolicy.sanitize(articleRenderer.render(articleParser.parse(markdown)));
	}

	public String comment(String markdown) {
		return comment(markdown, Map.of());
	}

	/**
	 * A comment whose {@code @name} mentions of earlier commenters link to their
	 * comments. The links are made in the parsed tree, on plain text only (not in code,
	 * nor inside a link), so the sanitizer still sees and escapes everything the reader
	 * typed; a name matches case-insensitively as whole words, the longest first.
	 * @param mentionable each earlier commenter's name with the anchor of their latest
	 * comment ("comment-12")
	 */
	public String comment(String markdown, Map<String, String> mentionable) {
		Node document = commentParser.parse(markdown);
		if (!mentionable.isEmpty() && markdown.indexOf('@') >= 0) {
			document.accept(new MentionLinker(mentionable));
		}
		return commentPolicy.sanitize(commentRenderer.render(document));
	}

	private static final class MentionLinker extends AbstractVisitor {

		private final Map<String, String> anchors;

		MentionLinker(Map<String, String> mentionable) {
			this.anchors = new java.util.HashMap<>();
			mentionable.forEach((name, anchor) -> {
				String key = name.strip().toLowerCase(Locale.ROOT);
				if (!key.isEmpty()) {
					anchors.putIfAbsent(key, anchor);
				}
			});
		}

		@Override
		public void visit(Link link) {
			// a link's text stays as the reader wrote it
		}

		@Override
		public void visit(Code code) {
		}

		@Override
		public void visit(Text text) {
			String literal = text.getLiteral();
			String lower = literal.toLowerCase(Locale.ROOT);
			if (lower.length() != literal.length()) {
				return; // a case mapping that changes lengths would misplace the match;
						// such text stays plain
			}
			Node before = text;
			int from = 0;
			for (int at = literal.indexOf('@'); at >= 0; at = literal.indexOf('@', at + 1)) {
				if (at < from || at > 0 && isWordPart(literal.charAt(at - 1))) {
					continue; // an address (name@example.org) mentions nobody
				}
				String name = longestNameAt(lower, at + 1);
				if (name == null) {
					continue;
				}
				if (at > from) {
					before = insertAfter(before, new Text(literal.substring(from, at)));
				}
				Link mention = new Link("#" + anchors.get(name), MENTION);
				mention.appendChild(new Text(literal.substring(at, at + 1 + name.length())));
				before = insertAfter(before, mention);
				from = at + 1 + name.length();
			}
			if (before == text) {
				return;
			}
			if (from < literal.length()) {
				insertAfter(before, new Text(literal.substring(from)));
			}
			text.unlink();
		}

		private String longestNameAt(String lower, int start) {
			String found = null;
			for (String name : anchors.keySet()) {
				int end = start + name.length();
				if (lower.startsWith(name, start) && (end == lower.length() || !isWordPart(lower.charAt(end)))
						&& (found == null || name.length() > found.length())) {
					found = name;
				}
			}
			return found;
		}

		private static boolean isWordPart(char c) {
			return Character.isLetterOrDigit(c) || c == '_';
		}

		private static Node insertAfter(Node anchor, Node node) {
			anchor.insertAfter(node);
			return node;
		}

	}

}
