package org.veche.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.veche.discussion.CommentStatus;
import org.veche.embed.EmbeddedPages;
import org.veche.publishing.Article;
import org.veche.identity.Role;

/**
 * A Disqus export comes into the articles its threads belong to, matched by the article's
 * address, the source it cites, an old WordPress address it was imported from, or the
 * WordPress plugin's identifier; a thread of another site's page becomes that page's
 * embedded discussion; replies keep their parents whatever the order of the file, and a
 * thread whose link is no page is listed with its posts left out.
 */
class DisqusImportIT extends ImportTest {

	@org.springframework.beans.factory.annotation.Autowired
	EmbeddedPages embedded;

	private static String thread(String id, String identifier, String link, String title) {
		return "<thread dsq:id=\"" + id + "\"><id>" + identifier
				+ "</id><forum>newsroom</forum><category dsq:id=\"1\"/>" + "<link>" + link + "</link><title><![CDATA["
				+ title + "]]></title><message/>"
				+ "<createdAt>2020-03-01T10:00:00Z</createdAt><author><email>x@example.org</email><name>X</name>"
				+ "<isAnonymous>false</isAnonymous><username>x</username></author><ipAddress>192.0.2.1</ipAddress>"
				+ "<isClosed>false</isClosed><isDeleted>false</isDeleted></thread>";
	}

	private static String post(String id, String thread, String parent, String name, String date, String message,
			boolean spam, boolean deleted) {
		return "<post dsq:id=\"" + id + "\"><id/><message><![CDATA[" + message + "]]></message><createdAt>" + date
				+ "</createdAt><isDeleted>" + deleted + "</isDeleted><isSpam>" + spam + "</isSpam><author><email>"
				+ name.toLowerCase() + "@readers.example</email><name>" + name
				+ "</name><isAnonymous>false</isAnonymous>" + "<username>" + name.toLowerCase()
				+ "</username></author><ipAddress>192.0.2.9</ipAddress>"
				+ (parent == null ? "" : "<parent dsq:id=\"" + parent + "\"/>") + "<thread dsq:id=\"" + thread
				+ "\"/></post>";
	}

	private static String export(List<String> threads, List<String> posts) {
		return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<disqus xmlns=\"http://disqus.com\" "
				+ "xmlns:dsq=\"http://disqus.com/disqus-internals\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n"
				+ "<category dsq:id=\"1\"><forum>newsroom</forum><title>General</title><isDefault>true</isDefault></category>\n"
				+ String.join("\n", threads) + "\n" + String.join("\n", posts) + "\n</disqus>\n";
	}

	@Test
	void threadsFindTheirArticlesAndPostsKeepTheirThreadsAndStatuses() {
		int n = unique();
		String editor = tokenFor(Role.EDITOR);
		String own = publishArticle(editor, "Own article " + n);
		var cited = http.bearer(editor)
			.postJson("/api/v1/articles", Map.of("title", "Cited " + n, "body", "b", "status", "published", "source",
					Map.of("name", "Old blog", "url", "https://static" + n + ".example/story/")));
		assertThat(cited.status()).isEqualTo(201);
		String citedSlug = cited.json().get("slug").asString();
		String site = "https://oldblog" + n + ".example";
		long wpByLink = 200_000 + n;
		long wpById = 300_000 + n;
		importWxr(new Wxr("1.2", site)
			.item(wpByLink, "post", "publish", "By link " + n, "by-link-" + n, "2019-05-01 00:00:00", "a", "x")
			.item(wpById, "post", "publish", "By id " + n, "by-id-" + n, "2019-05-02 00:00:00", "a", "y")
			.xml());
		long byLink = article(site, wpByLink).id();
		long byId = article(site, wpById).id();
		long ownId = publishing.article(own).orElseThrow().id();
		long citedId = publishing.article(citedSlug).orElseThrow().id();

		String p = "d" + n + "-";
		String xml = export(
				List.of(thread(p + "t1", "", "https://news.example/articles/" + own, "Own"),
						thread(p + "t2", "", site + "/2019/05/by-link-" + n + "/", "By link"),
						thread(p + "t3", wpById + " " + site + "/?p=" + wpById, "https://moved" + n + ".example/by-id",
								"By id"),
						thread(p + "t4", "", "https://static" + n + ".example/story/", "Cited"),
						thread(p + "t5", "", "https://static" + n + ".example/elsewhere/", "A static page"),
						thread(p + "t6", "", "not a page at all", "Lost thread"),
						thread(p + "t7", "", "https://static" + n + ".example/silent/", "No posts")),
				List.of(
						// the reply comes before the comment it answers
						post(p + "2", p + "t1", p + "1", "Bohdan", "2020-03-01T12:00:00Z", "<p>Agreed</p>", false,
								false),
						post(p + "1", p + "t1", null, "Anna", "2020-03-01T11:00:00Z", "<p>First &amp; <b>best</b></p>",
								false, false),
						post(p + "3", p + "t1", null, "Spammer", "2020-03-01T11:05:00Z", "Cheap", true, false),
						post(p + "4", p + "t1", null, "Regret", "2020-03-01T11:06:00Z", "Deleted words", false, true),
						post(p + "5", p + "t1", p + "2", "Chen", "2020-03-01T13:00:00Z", "Deeper", false, false),
						post(p + "6", p + "t2", null, "Dana", "2020-03-02T10:00:00Z", "On the old post", false, false),
						post(p + "7", p + "t3", null, "Emil", "2020-03-02T11:00:00Z", "By identifier", false, false),
						post(p + "8", p + "t4", null, "Fay", "2020-03-02T12:00:00Z", "On the cited", false, false),
						post(p + "9", p + "t5", null, "Gus", "2020-03-02T13:00:00Z", "On a static page", false, false),
						post(p + "10", p + "t6", null, "Hana", "2020-03-02T14:00:00Z", "Nowhere to go", false, false)));

		ImportRun run = importDisqus(xml);

		String source = "disqus:newsroom";
		var first = comment(source, p + "1");
		var reply = comment(source, p + "2");
		var deeper = comment(source, p + "5");
		assertThat(first.articleId()).isEqualTo(ownId);
		assertThat(first.parentId()).isNull();
		assertThat(first.body()).isEqualTo("First & **best**");
		assertThat(first.authorName()).isEqualTo("Anna");
		assertThat(first.createdAt()).isEqualTo(Instant.parse("2020-03-01T11:00:00Z"));
		assertThat(reply.parentId()).isEqualTo(first.id());
		assertThat(deeper.parentId()).isEqualTo(reply.id());
		assertThat(deeper.depth()).isEqualTo(2);
		assertThat(comment(source, p + "3").status()).isEqualTo(CommentStatus.SPAM);
		assertThat(comment(source, p + "4").status()).isEqualTo(CommentStatus.TRASH);
		assertThat(first.status()).isEqualTo(CommentStatus.APPROVED);
		assertThat(comment(source, p + "6").articleId()).isEqualTo(byLink);
		assertThat(comment(source, p + "7").articleId()).isEqualTo(byId);
		assertThat(comment(source, p + "8").articleId()).isEqualTo(citedId);
		// another site's page: its embedded discussion holds the thread now; a page
		// without posts gets none
		var page = embedded.find("https://static" + n + ".example/elsewhere/").orElseThrow();
		assertThat(comment(source, p + "9").articleId()).isEqualTo(page.articleId());
		assertThat(publishing.article(page.articleId()).orElseThrow().kind()).isEqualTo(Article.Kind.EXTERNAL_PAGE);
		assertThat(embedded.find("https://static" + n + ".example/silent/")).isEmpty();
		assertThat(commentImported(source, p + "10")).isFalse();
		assertThat(run.report().links()).anySatisfy(line -> {
			assertThat(line.key()).isEqualTo("importer.link.thread");
			assertThat(line.args()).containsExactly("not a page at all", "Lost thread", "1");
		});
		assertThat(run.report().counted("importer.count.comments")).isEqualTo(9);
		assertThat(run.report().counted("importer.count.embeddedPages")).isEqualTo(1);
		assertThat(run.report().counted("importer.count.threads")).isEqualTo(5);

		var articlePage = http.get("/articles/" + own).html();
		assertThat(articlePage.select("li.comment")).hasSize(3);
		assertThat(articlePage.selectFirst("#comment-" + reply.id() + " #comment-" + deeper.id())).isNotNull();

		// the same export again changes nothing
		ImportRun again = importDisqus(xml);
		assertThat(again.report().counted("importer.count.comments")).isZero();
		assertThat(again.report().counted("importer.count.commentsAlreadyThere")).isEqualTo(9);
		assertThat(again.report().counted("importer.count.embeddedPages")).isZero();
		assertThat(records.approved(ownId)).hasSize(3);
	}

	@Test
	void aWordPressFileIsNotADisqusExport() {
		ImportRun run = imports.run(ExportFormat.DISQUS,
				write(new Wxr("1.2", "https://wrong" + unique() + ".example").xml()));
		assertThat(run.failure().messageKey()).isEqualTo("importer.error.notDisqus");
	}

}
