package org.veche.importer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;

import org.junit.jupiter.api.Test;

/**
 * Other platforms' HTML becomes what the site stores: Markdown for comments, article HTML
 * without images from elsewhere or gallery shortcodes.
 */
class HtmlTextTests {

	@Test
	void commentHtmlBecomesMarkdownWithEntitiesDecoded() {
		assertThat(HtmlText.commentMarkdown("I&#8217;m <b>sure</b>, see <a href=\"https://x.example/a\">this</a>"))
			.isEqualTo("I’m **sure**, see [this](https://x.example/a)");
		assertThat(HtmlText.commentMarkdown("<p>One</p><p>Two<br>three</p>")).isEqualTo("One\n\nTwo\nthree");
		assertThat(HtmlText.commentMarkdown("<blockquote>quoted</blockquote>reply")).isEqualTo("> quoted\n\nreply");
		assertThat(HtmlText.commentMarkdown("[...] *not emphasis*")).isEqualTo("\\[...\\] \\*not emphasis\\*");
		assertThat(HtmlText.commentMarkdown("<script>alert(1)</script>x <a href=\"javascript:alert(1)\">y</a>"))
			.isEqualTo("x y");
	}

	@Test
	void imagesElsewhereBecomeLinksAndAreTold() {
		var linked = new ArrayList<String>();
		String body = HtmlText.articleBody(
				"<a href=\"http://old.example/big.jpg\"><img src=\"http://old.example/small.jpg\" alt=\"A cat\"></a>"
						+ "\n\n<img src=\"https://old.example/b.png\">[gallery ids=\"1,2\"]",
				linked::add);
		assertThat(body).doesNotContain("<img")
			.doesNotContain("[gallery")
			.contains("<a href=\"http://old.example/big.jpg\">A cat</a>")
			.contains("<a href=\"https://old.example/b.png\">b.png</a>");
		assertThat(linked).containsExactly("http://old.example/small.jpg", "https://old.example/b.png");
	}

	@Test
	void galleriesNameTheirImages() {
		assertThat(HtmlText.galleryIds("[gallery columns=\"2\" ids=\"12, 13,14\"]")).containsExactly(12L, 13L, 14L);
		assertThat(HtmlText.galleryIds("<!-- wp:gallery {\"ids\":[5,6],\"linkTo\":\"none\"} -->")).containsExactly(5L,
				6L);
		assertThat(HtmlText.hasGalleryOfAttachments("text [gallery] more")).isTrue();
		assertThat(HtmlText.hasGalleryOfAttachments("[gallery ids=\"1\"]")).isFalse();
	}

}
