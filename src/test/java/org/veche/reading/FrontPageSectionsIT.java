package org.veche.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.veche.identity.Role;
import org.veche.support.Http;
import org.veche.support.IntegrationTest;

/**
 * The front page's sections (photo stories, most discussed), its tag menu and its paging,
 * and the guests' kept copy of it rebuilt when what the sections show changes. Other
 * tests share the database, so each assertion holds whatever else the site has published.
 */
class FrontPageSectionsIT extends IntegrationTest {

	private String editor;

	private Http browser;

	@BeforeEach
	void setUp() {
		editor = tokenFor(Role.EDITOR);
		browser = http.with("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8");
	}

	private String publish(String title, String kind) {
		var response = http.bearer(editor)
			.postJson("/api/v1/articles", Map.of("title", title, "lead", "Lead", "body", "Body", "tags",
					List.of("test"), "status", "published", "kind", kind));
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.json().get("slug").asString();
	}

	private Document front() {
		var response = browser.get("/");
		assertThat(response.status()).isEqualTo(200);
		return response.html();
	}

	@Test
	void theNewestPhotoStoriesHaveTheirOwnSectionAndAKeptFrontPageShowsANewOne() {
		String older = publish("Harbour in pictures " + unique(), "photo_story");
		String plain = publish("Plain story " + unique(), "article");
		browser.get("/");
		var before = browser.get("/");
		assertThat(before.header("ETag")).as("the front page is kept for guests").isNotNull();
		assertThat(before.html().select("section.photo-stories a").eachAttr("href")).contains("/articles/" + older)
			.doesNotContain("/articles/" + plain);

		String newer = publish("Market in pictures " + unique(), "photo_story");

		var stories = front().select("section.photo-stories ul.story-strip > li > a").eachAttr("href");
		assertThat(stories).as("the kept copy was rebuilt").first().isEqualTo("/articles/" + newer);
		assertThat(stories).hasSizeLessThanOrEqualTo(FrontPageController.PHOTO_STORIES).contains("/articles/" + older);
	}

	@Test
	void theMostDiscussedAreThoseWithTheMostRecentCommentsAndFollowNewComments() {
		String busy = publish("Busy thread " + unique(), "article");
		String quiet = publish("Quiet thread " + unique(), "article");
		front(); // kept now; the comments below must show through it
		for (int i = 0; i < 12; i++) {
			postComment(busy, null, "Reader " + i, "Comment " + i + " on the busy thread");
		}
		postComment(quiet, null, "Reader", "One comment");

		var section = front().selectFirst("aside.most-discussed");
		assertThat(section).isNotNull();
		var items = section.select("ol > li");
		assertThat(items).hasSizeBetween(1, FrontPageController.MOST_DISCUSSED);
		var hrefs = items.stream().map(li -> li.selectFirst("a").attr("href")).toList();
		var counts = items.stream()
			.map(li -> Integer.parseInt(li.selectFirst("a.count").text().replaceAll("\\D", "")))
			.toList();
		// other tests' threads may be busier: the busy thread is listed unless five
		// others had as many comments lately
		assertThat(hrefs.contains("/articles/" + busy) || counts.stream().allMatch(c -> c >= 12))
			.as("%s %s", hrefs, counts)
			.isTrue();
		if (hrefs.contains("/articles/" + busy)) {
			assertThat(counts.get(hrefs.indexOf("/articles/" + busy))).isEqualTo(12);
			if (hrefs.contains("/articles/" + quiet)) {
				assertThat(hrefs.indexOf("/articles/" + quiet)).isGreaterThan(hrefs.indexOf("/articles/" + busy));
			}
		}
	}

	@Test
	void theTagMenuLinksTheMostUsedTagsAndLaterPagesHaveNoSections() {
		for (int i = 0; i < FrontPageController.PER_PAGE + 1; i++) {
			publishArticle(editor, "Filler " + unique());
		}
		var page = front();
		var tags = page.select("nav.tag-menu a");
		assertThat(tags).hasSizeBetween(1, FrontPageController.TAGS);
		assertThat(tags.eachAttr("href")).contains("/tags/test").allMatch(href -> href.startsWith("/tags/"));
		assertThat(page.select("nav.pagination a[rel=next]").eachAttr("href")).containsExactly("?page=2");

		var second = browser.get("/?page=2").html();
		assertThat(second.select("li.article-card")).hasSize(FrontPageController.PER_PAGE);
		assertThat(second.select("section.photo-stories, aside.most-discussed, nav.tag-menu")).isEmpty();
		assertThat(second.select("nav.pagination a[rel=prev]").eachAttr("href")).containsExactly("?page=1");
	}

	@Test
	void tagPagesHaveNoSections() {
		publish("Tagged photo story " + unique(), "photo_story");
		var page = browser.get("/tags/test").html();
		assertThat(page.select("li.article-card")).isNotEmpty();
		assertThat(page.select("section.photo-stories, aside.most-discussed, nav.tag-menu")).isEmpty();
	}

}
