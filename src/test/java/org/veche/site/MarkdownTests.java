package org.veche.site;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownTests {

	private final Markdown markdown = new Markdown();

	@Test
	void commentsKeepEmphasisLinksQuotesAndListsWithSafeLinkRelations() {
		String html = markdown.comment("**bold** and [a link](https://example.org)\n\n> quote\n\n- one\n- two");
		assertThat(html).contains("<strong>bold</strong>", "<blockquote>", "<li>one</li>");
		assertThat(html).containsPattern("<a href=\"https://example.org\" rel=\"[^\"]*nofollow[^\"]*\"");
		assertThat(html).contains("ugc").contains("noopener");
	}

	@Test
	void commentsHaveNoHeadingsImagesOrRawHtml() {
		String html = markdown
			.comment("# Title\n\n![x](https://example.org/a.png)\n\n<script>alert(1)</script> <b>b</b>");
		assertThat(html).doesNotContain("<h1", "<img", "<script", "<b>");
		assertThat(html).contains("&lt;script&gt;");
	}

	@Test
	void dangerousLinksAreDropped() {
		assertThat(markdown.comment("[x](javascript:alert(1))")).doesNotContain("javascript:");
		assertThat(markdown.article("[x](javascript:alert(1))")).doesNotContain("javascript:");
	}

	@Test
	void articlesKeepHeadingsAndImagesButNotScript() {
		String html = markdown.article(
				"## Section\n\n![A river](/media/a/480.jpg)\n\n<script>alert(1)</script>\n\n<p onclick=\"x()\">p</p>");
		assertThat(html).contains("<h2>Section</h2>", "<img", "alt=\"A river\"");
		assertThat(html).doesNotContain("<script", "onclick");
	}

	@Test
	void bareAddressesBecomeLinksInComments() {
		assertThat(markdown.comment("see https://example.org/page")).contains("<a href=\"https://example.org/page\"");
	}

}
