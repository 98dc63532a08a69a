package org.veche.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.veche.discussion.CommentKind;
import org.veche.discussion.CommentStatus;
import org.veche.media.PhotoLibrary;
import org.veche.publishing.Article;

/**
 * A WordPress export the test writes itself, in each WXR version, with every field the
 * import reads: every post status, a page, categories and tags, a featured image and a
 * gallery (served on loopback, one image missing), and comments of every status and kind,
 * nested deeper than the file's order shows.
 */
class WordPressImportIT extends ImportTest {

	@Autowired
	PhotoLibrary photos;

	ImageServer images;

	@BeforeEach
	void startImages() {
		images = new ImageServer();
	}

	@AfterEach
	void stopImages() {
		images.close();
	}

	private Wxr export(String version, int n) {
		String site = "https://blog" + n + ".example";
		String slug = "march-" + n;
		return new Wxr(version, site).author("editor", "Olena Editor")
			.item(10, "post", "publish", "The march &amp; the square", slug, "2019-05-06 10:00:00", "editor",
					"People gathered at noon.\n\nThen they walked.\n\n[gallery ids=\"51,52\"]",
					Wxr.category("News", "news"), Wxr.category("Uncategorized", "uncategorized"),
					Wxr.tag("Protest", "protest"), Wxr.meta("_thumbnail_id", "50"),
					Wxr.comment(102, 101, "Third", "third@readers.example", "", "2019-05-06 13:00:00", "1", "",
							"Deepest"),
					Wxr.comment(101, 100, "Second", "second@readers.example", "", "2019-05-06 12:00:00", "1", "",
							"A reply"),
					Wxr.comment(100, 0, "First", "first@readers.example", "https://first.example",
							"2019-05-06 11:00:00", "1", "", "<p>Was there.</p><p>It was <em>big</em>.</p>"),
					Wxr.comment(103, 0, "Waiting", "w@readers.example", "", "2019-05-06 11:30:00", "0", "",
							"Held back"),
					Wxr.comment(104, 0, "Cheap pills", "spam@spam.example", "http://spam.example",
							"2019-05-06 11:31:00", "spam", "", "Buy now"),
					Wxr.comment(105, 0, "Binned", "b@readers.example", "", "2019-05-06 11:32:00", "trash", "",
							"Thrown away"),
					Wxr.comment(106, 0, "Another blog", "", "https://other.example/post/", "2019-05-07 08:00:00", "1",
							"pingback", "[...] they marched [...]"),
					Wxr.comment(107, 0, "Old blog", "", "https://old.example/tb/", "2019-05-07 09:00:00", "1",
							"trackback", "Linked from there"),
					Wxr.comment(108, 999, "Lost", "l@readers.example", "", "2019-05-07 10:00:00", "1", "",
							"Reply to nothing"))
			.item(11, "post", "future", "Tomorrow", "tomorrow-" + n, "2099-01-01 08:00:00", "editor", "Later.")
			.item(12, "post", "draft", "Half written", "half-" + n, "2019-05-08 10:00:00", "editor", "Draft text")
			.item(13, "post", "pending", "For review", "review-" + n, "2019-05-08 11:00:00", "editor", "Pending text")
			.item(14, "post", "private", "Only us", "private-" + n, "2019-05-08 12:00:00", "editor", "Private text")
			.item(15, "post", "publish", "Locked", "locked-" + n, "2019-05-08 13:00:00", "editor", "Locked text",
					"<wp:post_password>secret</wp:post_password>")
			.item(16, "post", "trash", "Binned post", "binned-" + n, "2019-05-08 14:00:00", "editor", "Gone")
			.item(17, "page", "publish", "About us", "about-" + n, "2019-01-01 00:00:00", "editor", "Who we are")
			.item(18, "nav_menu_item", "publish", "Menu", "menu-" + n, "2019-01-01 00:00:00", "editor", "")
			.item(19, "post", "auto-draft", "Auto", "auto-" + n, "2019-05-08 15:00:00", "editor", "")
			.attachment(50, 10, images.url("/uploads/cover.jpg"), "Cover", "The square at noon", "Crowd on the square")
			.attachment(51, 10, images.url("/uploads/one.jpg"), "One", "Banners", "Banners over the crowd")
			.attachment(52, 10, images.url("/missing/two.jpg"), "Two", "Lost picture", "");
	}

	@ParameterizedTest
	@ValueSource(strings = { "1.0", "1.1", "1.2" })
	void everyFieldOfTheExportComesIn(String version) {
		int n = unique();
		Wxr wxr = export(version, n);
		String site = wxr.site();
		String source = wxrSource(site);

		ImportRun run = importWxr(wxr.xml());

		Article post = article(site, 10);
		assertThat(post.title()).isEqualTo("The march & the square");
		assertThat(post.slug()).isEqualTo("march-" + n);
		assertThat(post.status()).isEqualTo(Article.Status.PUBLISHED);
		assertThat(post.publishedAt()).isEqualTo(Instant.parse("2019-05-06T10:00:00Z"));
		// WXR 1.0 has no author list: the login is the name
		assertThat(post.authorName()).isEqualTo(version.equals("1.0") ? "editor" : "Olena Editor");
		assertThat(post.tags()).containsExactlyInAnyOrder("news", "protest");
		assertThat(post.bodyHtml()).contains("<p>People gathered at noon.</p>").doesNotContain("[gallery");

		// the featured image is the cover, the gallery's reachable image follows; the
		// missing one is a link
		assertThat(post.coverPhotoId()).isNotNull();
		var gallery = photos.gallery(post.id());
		assertThat(gallery).hasSize(2);
		assertThat(gallery.get(0).id()).isEqualTo(post.coverPhotoId());
		assertThat(gallery.get(0).text().caption()).isEqualTo("The square at noon");
		assertThat(gallery.get(0).text().alt()).isEqualTo("Crowd on the square");
		assertThat(gallery.get(1).text().caption()).isEqualTo("Banners");
		var variant = http.get(gallery.get(0).image().src());
		assertThat(variant.status()).isEqualTo(200);
		assertThat(variant.body().getBytes(StandardCharsets.ISO_8859_1).length).isPositive();
		assertThat(variant.body()).doesNotContain(ImageServer.SECRET);
		assertThat(post.bodyHtml()).contains("href=\"" + images.url("/missing/two.jpg") + "\"");
		assertThat(run.report().links()).anySatisfy(line -> {
			assertThat(line.key()).isEqualTo("importer.link.image");
			assertThat(line.args()).contains(images.url("/missing/two.jpg"), "HTTP 404");
		});
		assertThat(run.report().counted("importer.count.photos")).isEqualTo(2);

		// every status
		assertThat(article(site, 11).status()).isEqualTo(Article.Status.SCHEDULED);
		assertThat(article(site, 11).publishedAt()).isEqualTo(Instant.parse("2099-01-01T08:00:00Z"));
		assertThat(article(site, 12).status()).isEqualTo(Article.Status.DRAFT);
		assertThat(article(site, 12).publishedAt()).isNull();
		assertThat(article(site, 13).status()).isEqualTo(Article.Status.DRAFT);
		assertThat(article(site, 14).status()).isEqualTo(Article.Status.DRAFT);
		assertThat(article(site, 15).status()).isEqualTo(Article.Status.DRAFT);
		assertThat(run.report().skipped()).extracting(ImportReport.Line::key)
			.contains("importer.note.private", "importer.note.password", "importer.skip.trash", "importer.skip.type",
					"importer.skip.autoDraft", "importer.note.orphan");
		assertThat(imported(site, 16)).isFalse();
		assertThat(imported(site, 18)).isFalse();
		assertThat(imported(site, 19)).isFalse();
		assertThat(http.get("/articles/private-" + n).status()).isEqualTo(404);
		assertThat(http.get("/articles/locked-" + n).status()).isEqualTo(404);
		assertThat(http.get("/articles/tomorrow-" + n).status()).isEqualTo(404);

		// a page is an article
		Article page = article(site, 17);
		assertThat(page.title()).isEqualTo("About us");
		assertThat(page.status()).isEqualTo(Article.Status.PUBLISHED);
		assertThat(run.report().counted("importer.count.pages")).isEqualTo(1);

		// comments: statuses, kinds and the thread, parents first whatever the order in
		// the file
		var first = comment(source, "100");
		var second = comment(source, "101");
		var third = comment(source, "102");
		assertThat(first.parentId()).isNull();
		assertThat(first.body()).isEqualTo("Was there.\n\nIt was *big*.");
		assertThat(first.authorUrl()).isEqualTo("https://first.example");
		assertThat(second.parentId()).isEqualTo(first.id());
		assertThat(third.parentId()).isEqualTo(second.id());
		assertThat(third.depth()).isEqualTo(2);
		assertThat(comment(source, "103").status()).isEqualTo(CommentStatus.PENDING);
		assertThat(comment(source, "104").status()).isEqualTo(CommentStatus.SPAM);
		assertThat(comment(source, "105").status()).isEqualTo(CommentStatus.TRASH);
		assertThat(comment(source, "106").kind()).isEqualTo(CommentKind.PINGBACK);
		assertThat(comment(source, "107").kind()).isEqualTo(CommentKind.TRACKBACK);
		assertThat(comment(source, "108").parentId()).isNull();
		assertThat(comment(source, "100").createdAt()).isEqualTo(Instant.parse("2019-05-06T11:00:00Z"));
		assertThat(records.approved(post.id())).hasSize(6);

		// the page shows the approved thread, the trackback marked, no spam or pending
		// text
		var html = http.get("/articles/march-" + n).html();
		assertThat(html.select("li.comment")).hasSize(6);
		assertThat(html.selectFirst("#comment-" + comment(source, "107").id() + " .comment-kind").text())
			.isEqualTo("Trackback");
		assertThat(html.text()).doesNotContain("Buy now").doesNotContain("Held back").doesNotContain("Thrown away");
		assertThat(html.select("img[src^=/media/]")).isNotEmpty();
		assertThat(html.select("img[src*=127.0.0.1]")).isEmpty();

		// old addresses
		assertThat(http.get("/2019/05/march-" + n + "/").header("Location")).endsWith("/articles/march-" + n);
		// test sites share post ids: the first import keeps /?p=10, a later one cannot
		// take it over
		assertThat(http.get("/?p=10").status()).isEqualTo(301);
		assertThat(http.get("/?p=10").header("Location")).startsWith("/articles/march-");
		assertThat(http.get("/about-" + n + "/").header("Location")).endsWith("/articles/" + page.slug());
	}

	@ParameterizedTest
	@ValueSource(strings = { "1.2" })
	void importingTheSameExportTwiceChangesNothing(String version) {
		int n = unique();
		Wxr wxr = export(version, n);
		importWxr(wxr.xml());
		long articles = publishing.deskSize();
		long postId = article(wxr.site(), 10).id();
		var thread = records.approved(postId);
		var gallery = photos.gallery(postId);
		int fetched = images.requests.size();

		ImportRun again = importWxr(wxr.xml());

		assertThat(publishing.deskSize()).isEqualTo(articles);
		assertThat(records.approved(postId)).isEqualTo(thread);
		assertThat(photos.gallery(postId)).isEqualTo(gallery);
		assertThat(images.requests).hasSize(fetched);
		assertThat(again.report().counted("importer.count.posts")).isZero();
		assertThat(again.report().counted("importer.count.comments")).isZero();
		assertThat(again.report().counted("importer.count.alreadyThere")).isEqualTo(7);
	}

	@ParameterizedTest
	@ValueSource(strings = { "1.2" })
	void aNewCommentInALaterExportJoinsItsThread(String version) {
		int n = unique();
		Wxr wxr = export(version, n);
		importWxr(wxr.xml());
		String source = wxrSource(wxr.site());
		long parent = comment(source, "100").id();

		String later = wxr.xml()
			.replace("</item>\n<item>\n<title>Tomorrow", Wxr.comment(109, 100, "Latecomer", "late@readers.example", "",
					"2019-06-01 10:00:00", "1", "", "Still here") + "\n</item>\n<item>\n<title>Tomorrow");
		ImportRun run = importWxr(later);

		assertThat(run.report().counted("importer.count.comments")).isEqualTo(1);
		assertThat(comment(source, "109").parentId()).isEqualTo(parent);
	}

}
