package org.veche.reading;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.veche.publishing.Article;
import org.veche.support.Http;
import org.veche.support.ModuleTestSite;
import org.veche.support.TestDesk;

/**
 * The reading module (pages only) with everything it shows (publishing, media,
 * discussion, feed, live and what they stand on), served on a port: the front page, the
 * article page with its thread, search, and the reading API; a guest's kept page shows a
 * new comment on the next view.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES, webEnvironment = WebEnvironment.RANDOM_PORT)
@ModuleTestSite
class ReadingModuleTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext site;

	@Test
	void aReaderFindsTheArticleAndItsDiscussion() {
		Article article = TestDesk.article(site, "Ferry timetable changes", "Fewer crossings in winter.",
				"The *ferry* runs hourly.", "transport");
		TestDesk.comment(site, article, "Hourly is enough for me");
		var http = new Http(port);

		assertThat(http.get("/").html().select("a[href='" + article.path() + "']")).isNotEmpty();
		assertThat(http.get("/tags/transport").body()).contains("Ferry timetable changes");

		var page = http.get(article.path());
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.html().select("h1").text()).contains("Ferry timetable changes");
		assertThat(page.html().select("em").text()).contains("ferry");
		assertThat(page.body()).contains("Hourly is enough for me");

		assertThat(http.get("/search?q=crossings").body()).contains(article.path());
		assertThat(http.get("/api/v1/articles/" + article.slug()).json().get("title").asString())
			.isEqualTo("Ferry timetable changes");
	}

	@Test
	void aGuestsKeptPageShowsANewCommentOnTheNextView() {
		Article article = TestDesk.article(site, "Kept page");
		var http = new Http(port);
		assertThat(http.get(article.path()).body()).doesNotContain("A later comment");
		assertThat(http.get(article.path()).status()).as("the kept copy").isEqualTo(200);

		TestDesk.comment(site, article, "A later comment");

		assertThat(http.get(article.path()).body()).contains("A later comment");
	}

}
