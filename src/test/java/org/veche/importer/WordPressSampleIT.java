package org.veche.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.veche.discussion.CommentKind;
import org.veche.discussion.CommentStatus;
import org.veche.publishing.Article;

/**
 * The real WordPress export in shared/data (remark42's sample of "Real Men Wear
 * Dress.es", WXR 1.2): every item, comment, thread link and status as it was, the old
 * addresses redirecting, and a second import changing nothing. The folder is found
 * through -Dveche.shared.data or VECHE_SHARED_DATA, else ../shared/data.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WordPressSampleIT extends ImportTest {

	static final String SITE = "https://realmenweardress.es";

	static final String SOURCE = wxrSource(SITE);

	static Path sample;

	static ImportRun first;

	@BeforeAll
	static void findSample() {
		String base = System.getProperty("veche.shared.data",
				System.getenv().getOrDefault("VECHE_SHARED_DATA", "../shared/data"));
		sample = Path.of(base, "wxr", "remark42__wordpress-export-sample.xml");
		assumeTrue(Files.isReadable(sample), "shared data not found at " + sample.toAbsolutePath()
				+ " (set -Dveche.shared.data=/path/to/shared/data); skipping the real-export test");
	}

	@Test
	@Order(1)
	void thePostComesInWithItsDateAuthorTermsAndText() {
		first = succeeded(imports.run(ExportFormat.WXR, sample));

		Article post = article(SITE, 100);
		assertThat(post.title()).isEqualTo("Post with comments. One is not approved");
		assertThat(post.slug()).isEqualTo("do-you-rp");
		assertThat(post.status()).isEqualTo(Article.Status.PUBLISHED);
		assertThat(post.publishedAt()).isEqualTo(Instant.parse("2010-07-19T14:24:22Z"));
		assertThat(post.authorName()).isEqualTo("SuperAdmin");
		assertThat(post.authorId()).isNull();
		assertThat(post.tags()).containsExactlyInAnyOrder("alts", "role playing", "stuff",
				"weird in a can't quite help myself way");
		assertThat(post.body()).contains("Meet Grokknomel?");
		// the thumbnail on the old host is a link now: no page of the site asks that host
		// for anything
		assertThat(post.bodyHtml()).doesNotContain("<img")
			.contains(
					"href=\"http://realmenweardress.es/wp-content/uploads/2010/07/ScreenShot_071410_230307-e1279546180886.jpeg\"");
		assertThat(first.report().counted("importer.count.posts")).isEqualTo(1);
		assertThat(first.report().links()).anySatisfy(
				line -> assertThat(line.args().get(0)).endsWith("ScreenShot_071410_230307-e1279546270587-120x120.jpg"));
	}

	@Test
	@Order(2)
	void theAttachmentIsNoArticleAndIsListedAsSkipped() {
		assertThat(imported(SITE, 6)).isFalse();
		assertThat(first.report().skipped()).anySatisfy(line -> {
			assertThat(line.key()).isEqualTo("importer.skip.attachment");
			assertThat(line.args().get(1)).endsWith("ScreenShot_013110_200413-e1277214413194.jpeg");
		});
	}

	@Test
	@Order(3)
	void everyCommentKeepsItsStatusDateAuthorKindAndThread() {
		long articleId = article(SITE, 100).id();
		var approved = comment(SOURCE, "8");
		assertThat(approved.articleId()).isEqualTo(articleId);
		assertThat(approved.parentId()).isNull();
		assertThat(approved.status()).isEqualTo(CommentStatus.APPROVED);
		assertThat(approved.kind()).isEqualTo(CommentKind.COMMENT);
		assertThat(approved.authorName()).isEqualTo("SuperUser1");
		assertThat(approved.authorUrl()).isEqualTo("http://superuser1.blogspot.com");
		assertThat(approved.body()).isEqualTo("I do catch myself");
		assertThat(approved.createdAt()).isEqualTo(Instant.parse("2010-07-20T12:08:08Z"));

		var pending = comment(SOURCE, "9");
		assertThat(pending.status()).isEqualTo(CommentStatus.PENDING);
		assertThat(pending.parentId()).isNull();
		assertThat(pending.authorName()).isEqualTo("SuperUser2");
		assertThat(pending.createdAt()).isEqualTo(Instant.parse("2010-07-20T13:09:25Z"));

		var pingback = comment(SOURCE, "13");
		assertThat(pingback.kind()).isEqualTo(CommentKind.PINGBACK);
		assertThat(pingback.status()).isEqualTo(CommentStatus.APPROVED);
		assertThat(pingback.parentId()).isNull();
		// WordPress kept the name and text with HTML entities: they are characters here
		assertThat(pingback.authorName()).isEqualTo("Wednesday Reading « Cynwise's Battlefield Manual");
		assertThat(pingback.bodyHtml()).contains("I’m a bit loony").contains("[...]");
		assertThat(pingback.authorUrl()).isEqualTo("http://cynwise.wordpress.com/2010/07/21/wednesday-reading-8/");

		var reply = comment(SOURCE, "14");
		assertThat(reply.parentId()).isEqualTo(pingback.id());
		assertThat(reply.depth()).isEqualTo(1);
		assertThat(reply.status()).isEqualTo(CommentStatus.APPROVED);
		assertThat(reply.body()).contains("\"Mekkatorque\" was over in that tent");
		assertThat(reply.createdAt()).isEqualTo(Instant.parse("2010-08-18T15:19:14Z"));

		assertThat(records.approved(articleId)).extracting(c -> c.id())
			.containsExactlyInAnyOrder(approved.id(), pingback.id(), reply.id());
		assertThat(first.report().counted("importer.count.comments")).isEqualTo(4);
		assertThat(first.report().counted("importer.count.comments.pending")).isEqualTo(1);
		assertThat(first.report().counted("importer.count.pingbacks")).isEqualTo(1);
	}

	@Test
	@Order(4)
	void theArticlePageShowsTheApprovedThreadWithThePingbackMarked() {
		var page = http.get("/articles/do-you-rp");
		assertThat(page.status()).isEqualTo(200);
		var html = page.html();
		long pingback = comment(SOURCE, "13").id();
		long reply = comment(SOURCE, "14").id();
		assertThat(html.select("li.comment")).hasSize(3);
		assertThat(html.selectFirst("#comment-" + pingback + " .comment-kind").text()).isEqualTo("Pingback");
		assertThat(html.selectFirst("#comment-" + pingback + " #comment-" + reply))
			.as("reply nested under the pingback")
			.isNotNull();
		assertThat(html.text()).doesNotContain("inherent in the game");
	}

	@Test
	@Order(5)
	void theOldAddressesRedirectPermanently() {
		for (String old : new String[] { "/2010/07/do-you-rp/", "/2010/07/do-you-rp", "/?p=100",
				"/2010/07/DO-YOU-RP/" }) {
			var response = http.get(old);
			assertThat(response.status()).as(old).isEqualTo(301);
			assertThat(response.header("Location")).as(old).endsWith("/articles/do-you-rp");
		}
		assertThat(http.get("/2010/07/not-a-post/").status()).isEqualTo(404);
	}

	@Test
	@Order(6)
	void importingTheSameFileAgainChangesNothing() {
		long articles = publishing.deskSize();
		long articleId = article(SITE, 100).id();
		var before = records.approved(articleId);

		var again = succeeded(imports.run(ExportFormat.WXR, sample));

		assertThat(publishing.deskSize()).isEqualTo(articles);
		assertThat(records.approved(articleId)).isEqualTo(before);
		assertThat(comment(SOURCE, "9").status()).isEqualTo(CommentStatus.PENDING);
		assertThat(again.report().counted("importer.count.posts")).isZero();
		assertThat(again.report().counted("importer.count.comments")).isZero();
		assertThat(again.report().counted("importer.count.alreadyThere")).isEqualTo(1);
		assertThat(again.report().counted("importer.count.commentsAlreadyThere")).isEqualTo(4);
	}

}
