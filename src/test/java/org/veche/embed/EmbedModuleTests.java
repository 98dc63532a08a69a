package org.veche.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.veche.discussion.Comment;
import org.veche.discussion.Reply;
import org.veche.publishing.Article;
import org.veche.publishing.ArticleSummary;
import org.veche.site.RejectedInput;
import org.veche.support.ModuleTestSite;
import org.veche.support.TestDesk;
import org.veche.publishing.ArticleCatalogue;
import org.veche.publishing.ArticleLookup;

/**
 * The embed module with what it stands on (discussion, publishing, identity, privacy,
 * site, backup): a page of an allowed site gets a thread of its own on its first comment,
 * however its address is spelled; other sites are refused.
 */
@ApplicationModuleTest(BootstrapMode.ALL_DEPENDENCIES)
@ModuleTestSite
class EmbedModuleTests {

	@Autowired
	EmbeddedPages pages;

	@Autowired
	ArticleLookup articles;

	@Autowired
	ArticleCatalogue catalogue;

	@Test
	void aPageOfAnAllowedSiteGetsItsThreadWithItsFirstComment() {
		assertThat(pages.allowOrigins("https://news.example.org")).containsExactly("https://news.example.org");

		Comment comment = pages.post(
				new NamedPage("https://news.example.org/2026/story/?utm_source=feed#comments", "The story"),
				new Reply(null, "Anna", "anna@example.org", null, "From the embed"), TestDesk.guest());

		EmbeddedPage page = pages.find("HTTPS://news.example.org/2026/story").orElseThrow();
		assertThat(page.url()).isEqualTo("https://news.example.org/2026/story");
		assertThat(page.articleId()).isEqualTo(comment.articleId());
		assertThat(articles.article(page.articleId())).hasValueSatisfying(article -> {
			assertThat(article.kind()).isEqualTo(Article.Kind.EXTERNAL_PAGE);
			assertThat(article.title()).isEqualTo("The story");
		});
		assertThat(catalogue.latest(1, 100).articles()).extracting(ArticleSummary::id)
			.as("no listing shows a page of another site")
			.doesNotContain(page.articleId());

		pages.post(new NamedPage("https://news.example.org/2026/story", "The story"),
				new Reply(null, "Boris", "boris@example.org", null, "Second"), TestDesk.guest());
		assertThat(pages.counts(List.of("https://news.example.org/2026/story/", "https://news.example.org/other")))
			.isEqualTo(Map.of("https://news.example.org/2026/story/", 2, "https://news.example.org/other", 0));
	}

	@Test
	void aSiteThatIsNotAllowedGetsNoThread() {
		assertThatThrownBy(() -> pages.post(new NamedPage("https://elsewhere.example/post", "Elsewhere"),
				new Reply(null, "Anna", "anna@example.org", null, "Hello"), TestDesk.guest()))
			.isInstanceOfSatisfying(RejectedInput.class,
					ex -> assertThat(ex.messageKey()).isEqualTo("embed.origin.notAllowed"));
		assertThat(pages.find("https://elsewhere.example/post")).isEmpty();
	}

}
