package org.veche.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.veche.publishing.Article;
import org.veche.support.Http;
import org.veche.support.ModuleTestSite;
import org.veche.support.TestDesk;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.io.SyndFeedInput;

/**
 * The feed module with what it stands on (publishing, discussion, identity, privacy,
 * site, backup), served on a port: the site's feed and an article's comment feed carry
 * what was published, and the sitemap lists it.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, webEnvironment = WebEnvironment.RANDOM_PORT)
@ModuleTestSite
class FeedModuleTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext site;

	@Test
	void aPublishedArticleAndItsCommentsAreInTheFeedsAndTheSitemap() throws Exception {
		Article article = TestDesk.article(site, "Bridge reopens", "After repairs.", "Body", "city");
		TestDesk.comment(site, article, "Finally open");
		var http = new Http(port);

		Http.Response feed = http.get("/feed");
		assertThat(feed.status()).isEqualTo(200);
		assertThat(entries(feed.body())).extracting(SyndEntry::getTitle).contains("Bridge reopens");
		assertThat(http.with("If-None-Match", feed.header("ETag")).get("/feed").status()).isEqualTo(304);

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
