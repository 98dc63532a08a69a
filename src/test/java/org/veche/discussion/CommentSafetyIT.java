package org.veche.discussion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * What readers write reaches other readers only as text and a small Markdown subset: no
 * markup of their own, no script, links marked as user content, and never the author's
 * e-mail.
 */
class CommentSafetyIT extends DiscussionSupport {

	private static final String SCRIPT = "<script>alert(1)</script>";

	private record Posted(long id, String html) {
	}

	private Posted post(String slug, String name, String email, String url, String body) {
		var response = postApi(slug, reply(null, name, email, url, body), newAddress());
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return new Posted(response.json().get("id").asLong(), response.json().get("html").asString());
	}

	private static void assertRelIsUserContent(Element link) {
		assertThat(Arrays.asList(link.attr("rel").split("\\s+"))).as("rel of %s", link)
			.contains("nofollow", "ugc", "noopener");
	}

	@Test
	void theMarkdownSubsetRendersEmphasisAndLinksMarkedAsUserContent() {
		String slug = newArticle("Markdown");
		var posted = post(slug, "Writer", newEmail(), null,
				"**bold** and _soft_ and `code` and [a link](https://example.org/page) and https://example.net/auto");

		var html = Jsoup.parseBodyFragment(posted.html());
		assertThat(html.selectFirst("strong").text()).isEqualTo("bold");
		assertThat(html.selectFirst("em").text()).isEqualTo("soft");
		assertThat(html.selectFirst("code").text()).isEqualTo("code");
		var links = html.select("a");
		assertThat(links).extracting(a -> a.attr("href"))
			.containsExactly("https://example.org/page", "https://example.net/auto");
		links.forEach(CommentSafetyIT::assertRelIsUserContent);

		Element onPage = commentElement(page("/articles/" + slug), posted.id()).selectFirst(".comment-text");
		assertThat(onPage.selectFirst("strong").text()).isEqualTo("bold");
		onPage.select("a").forEach(CommentSafetyIT::assertRelIsUserContent);
		assertThat(onPage.select("a")).hasSize(2);
	}

	@Test
	void headingsImagesAndRawHtmlAreNotRendered() {
		String slug = newArticle("No headings");
		var posted = post(slug, "Writer", newEmail(), null,
				"# x\n\n![a](http://x/y.png)\n\n<b>raw</b> <img src=x onerror=alert(1)> <iframe src=//evil></iframe>");

		for (Element root : new Element[] { Jsoup.parseBodyFragment(posted.html()).body(),
				commentElement(page("/articles/" + slug), posted.id()).selectFirst(".comment-text") }) {
			assertThat(root.select("h1, h2, img, b, iframe, script")).as(root.html()).isEmpty();
			assertThat(root.select("[onerror], [src], [style]")).isEmpty();
			assertThat(root.text()).contains("# x").contains("<b>raw</b>").contains("<img src=x onerror=alert(1)>");
		}
	}

	@Test
	void javascriptLinksLoseTheirTarget() {
		String slug = newArticle("No javascript links");
		var posted = post(slug, "Writer", newEmail(), null, "[click](javascript:alert(1)) and <javascript:alert(2)>");
		var html = Jsoup.parseBodyFragment(posted.html());
		assertThat(html.select("a[href]")).extracting(a -> a.attr("href")).noneMatch(h -> h.contains("javascript"));
		assertThat(posted.html()).doesNotContainIgnoringCase("href=\"javascript");
	}

	@Test
	void scriptInABodyOrANameIsShownAsTextNeverAsAnElement() {
		String slug = newArticle("Script");
		var inBody = post(slug, "Plain Name", newEmail(), null, SCRIPT);
		var inName = post(slug, SCRIPT, newEmail(), "https://example.org/" + unique(), "An innocent body");

		var api = http.get("/api/v1/articles/" + slug + "/comments").json();
		assertThat(api.get("comments").get(1).get("author").get("name").asString()).isEqualTo(SCRIPT);
		assertThat(inBody.html()).doesNotContain("<script").contains("&lt;script&gt;");

		for (String path : new String[] { "/articles/" + slug, "/articles/" + slug + "?replytocom=" + inName.id() }) {
			var response = http.get(path);
			assertThat(response.body()).doesNotContain(SCRIPT);
			Document page = response.html();
			// the site's own scripts, and the JSON-LD data block, which no browser runs
			assertThat(page.select("script")).as("only the site's own script on %s", path)
				.allMatch(s -> s.attr("src").startsWith("/js/") && s.data().isEmpty()
						|| s.attr("type").equals("application/ld+json") && !s.data().contains("<"));
			assertThat(commentElement(page, inBody.id()).selectFirst(".comment-text").text()).isEqualTo(SCRIPT);
			Element author = commentElement(page, inName.id()).selectFirst(".comment-author");
			assertThat(author.text()).isEqualTo(SCRIPT);
			assertRelIsUserContent(author);
			assertThat(commentElement(page, inName.id()).selectFirst("a.reply-link").attr("data-author"))
				.isEqualTo(SCRIPT);
		}
		var replyForm = page("/articles/" + slug + "?replytocom=" + inName.id());
		assertThat(replyForm.selectFirst(".replying-to-author").text()).isEqualTo(SCRIPT);
	}

	@Test
	void theAuthorsEmailNeverAppearsInThePageOrTheApi() {
		String slug = newArticle("Private e-mail");
		String email = "private.person." + unique() + "@example.org";
		var posted = post(slug, "Private Person", email, "https://private.example.org", "Keep my address private");
		long reply = comment(slug, posted.id(), "Replier", "Hello");

		var scripted = http.from(newAddress())
			.with("Accept", "application/json")
			.postForm("/articles/" + slug + "/comments",
					Map.of("author", "Another", "email", email.replace("private", "other"), "url", "", "comment",
							"Scripted", "comment_parent", String.valueOf(posted.id())));
		assertThat(scripted.status()).isEqualTo(201);
		assertThat(scripted.body()).doesNotContainIgnoringCase("@example.org");

		for (String path : new String[] { "/articles/" + slug, "/articles/" + slug + "?replytocom=" + posted.id(),
				"/articles/" + slug + "?corder=newest", "/api/v1/articles/" + slug + "/comments", "/" }) {
			var response = http.get(path);
			assertThat(response.status()).as(path).isEqualTo(200);
			assertThat(response.body()).as(path)
				.doesNotContainIgnoringCase(email)
				.doesNotContainIgnoringCase("private.person");
			if (!path.equals("/")) {
				assertThat(response.body()).as("no reader's e-mail on %s", path)
					.doesNotContainIgnoringCase("@example.org");
			}
		}
		assertThat(commentElement(page("/articles/" + slug), reply)).isNotNull();
	}

}
