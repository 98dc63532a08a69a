package org.veche.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.veche.discussion.Commenter;
import org.veche.discussion.Discussions;
import org.veche.discussion.Reply;
import org.veche.publishing.Article;
import org.veche.publishing.ArticleDraft;
import org.veche.publishing.Publishing;
import org.veche.support.Http;
import org.veche.support.ModuleTestSite;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.io.SyndFeedInput;

/**
 * The feed module with what it stands on (publishing, discussion, identity, privacy, site, backup), served on a
 * port: the site's feed and an article's comment feed carry what was published, and the sitemap lists it.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, webEnvironment = WebEnvironment.RANDOM_PORT)
@ModuleTestSite
class FeedModuleTests {

	@LocalServerPort
	int port;

	@Autowired
	Publishing publishing;

	@Autowired
	Discussions discussions;

	@Test
	void aPublishedArticleAndItsCommentsAreInTheFeedsAndTheSitemap() throws Exception {
		Article article = publishing.create(new ArticleDraft(Article.Kind.ARTICLE, "Bridge reopens", "After repairs.",
				"Body", List.of("city"), null, Article.Status.PUBLISHED, null, null), null, "Module desk");
		discussions.post(article, new Reply(null, "Anna", "anna@example.org", null, "Finally open"),
				new Commenter(null, null, null, false, "browser", "198.51.100.30"));
		var http = new Http(port);

		Http.Response site = http.get("/feed");
		assertThat(site.status()).isEqualTo(200);
		assertThat(entries(site.body())).extracting(SyndEntry::getTitle).contains("Bridge reopens");
		assertThat(http.with("If-None-Match", site.header("ETag")).get("/feed").status()).isEqualTo(304);

		Http.Response comments = http.get(article.path() + "/feed/atom");
		assertThat(comments.status()).isEqualTo(200);
		assertThat(entries(comments.body())).hasSize(1);
		assertThat(comments.body()).contains("Finally open");

		assertThat(http.get("/sitemap.xml").body()).contains(article.path());
	}

	private static List<SyndEntry> entries(String xml) throws Exception {
		return new SyndFeedInput().build(new StringReader(xml)).getEntries();
	}

}
