package org.veche.site;

import java.util.List;
import java.util.Set;

import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.ListBlock;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;
import org.springframework.stereotype.Component;

/**
 * Markdown to safe HTML: commonmark-java parses and renders, the OWASP sanitizer has the last word, so that
 * neither an editor's article nor a reader's comment can carry script into a page.
 */
@Component
public class Markdown {

	private static final List<Extension> EXTENSIONS = List.of(AutolinkExtension.create());

	private final Parser articleParser = Parser.builder().extensions(EXTENSIONS).build();

	private final HtmlRenderer articleRenderer = HtmlRenderer.builder().extensions(EXTENSIONS).sanitizeUrls(true).build();

	private final PolicyFactory articlePolicy = Sanitizers.FORMATTING.and(Sanitizers.BLOCKS)
		.and(Sanitizers.LINKS)
		.and(Sanitizers.IMAGES)
		.and(Sanitizers.TABLES)
		.and(new HtmlPolicyBuilder().allowElements("pre", "code", "hr", "figure", "figcaption").toFactory());

	/** Comments get paragraphs, emphasis, links, quotes, lists and code: no headings, images or raw HTML. */
	private final Parser commentParser = Parser.builder()
		.extensions(EXTENSIONS)
		.enabledBlockTypes(Set.of(BlockQuote.class, FencedCodeBlock.class, IndentedCodeBlock.class, ListBlock.class))
		.build();

	private final HtmlRenderer commentRenderer = HtmlRenderer.builder()
		.extensions(EXTENSIONS)
		.escapeHtml(true)
		.sanitizeUrls(true)
		.softbreak("<br>\n")
		.build();

	private final PolicyFactory commentPolicy = new HtmlPolicyBuilder()
		.allowElements("p", "br", "em", "strong", "code", "pre", "blockquote", "ul", "ol", "li", "a")
		.allowAttributes("href")
		.onElements("a")
		.allowStandardUrlProtocols()
		.requireRelsOnLinks("nofollow", "ugc", "noopener")
		.toFactory();

	public String article(String markdown) {
		return articlePolicy.sanitize(articleRenderer.render(articleParser.parse(markdown)));
	}

	public String comment(String markdown) {
		return commentPolicy.sanitize(commentRenderer.render(commentParser.parse(markdown)));
	}

}
