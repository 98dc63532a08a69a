package org.veche.discussion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The thread as the article page shows it without JavaScript: nesting, the depth cap, the
 * reply link, the order and the pages of top-level comments (defaults: depth 5, 50
 * top-level comments a page).
 */
class ThreadPageIT extends DiscussionSupport {

	private static List<Long> ids(Iterable<Element> comments) {
		var ids = new ArrayList<Long>();
		comments.forEach(li -> ids.add(Long.parseLong(li.attr("data-id"))));
		return ids;
	}

	@Test
	void repliesNestUnderTheirParentOldestFirst() {
		String slug = newArticle("Nesting");
		long root = comment(slug, null, "Root", "Start");
		long first = comment(slug, root, "First reply", "One");
		long second = comment(slug, root, "Second reply", "Two");
		long grandchild = comment(slug, first, "Grandchild", "Deeper");
		long other = comment(slug, null, "Other root", "Separate");

		Document page = page("/articles/" + slug);
		assertThat(topLevelIds(page)).containsExactly(root, other);
		assertThat(ids(page.select("#comment-" + root + " > ol.children > li.comment"))).containsExactly(first, second);
		assertThat(ids(page.select("#comment-" + first + " > ol.children > li.comment"))).containsExactly(grandchild);
		assertThat(commentElement(page, grandchild).hasClass("level-2")).isTrue();
		assertThat(page.select("#comment-" + other + " ol.children")).isEmpty();
		assertThat(page.select(".in-reply-to")).as("nesting shows whom each reply answers").isEmpty();
		assertThat(page.selectFirst("#comments-title").text()).isEqualTo("5 comments");
	}

	@Test
	void repliesBelowTheDeepestLevelAreShownFlatThereSayingWhomTheyAnswer() {
		String slug = newArticle("Deep chain");
		var chain = new ArrayList<Long>();
		Long parent = null;
		for (int i = 0; i < 8; i++) {
			long id = comment(slug, parent, "Speaker " + i, "Turn " + i);
			chain.add(id);
			parent = id;
		}
		long lateReplyToLevel4 = comment(slug, chain.get(4), "Latecomer", "Back to four");

		Document page = page("/articles/" + slug);
		for (int level = 0; level <= 4; level++) {
			assertThat(commentElement(page, chain.get(level)).hasClass("level-" + level)).as("level of %d", level)
				.isTrue();
		}
		assertThat(page.select("li.comment.level-5, li.comment.level-6, li.comment.level-7")).isEmpty();
		var deepest = page.select("#comment-" + chain.get(4) + " > ol.children.flat > li.comment");
		assertThat(ids(deepest)).containsExactly(chain.get(5), chain.get(6), chain.get(7), lateReplyToLevel4);
		assertThat(deepest).allMatch(li -> li.hasClass("level-4"));
		assertThat(page.select("#comment-" + chain.get(4) + " > ol.children.flat ol.children")).isEmpty();

		// Where the indentation can no longer say whom a comment answers, the comment
		// says it.
		assertThat(commentElement(page, chain.get(5)).selectFirst(".in-reply-to")).isNull();
		assertThat(commentElement(page, lateReplyToLevel4).selectFirst(".in-reply-to")).isNull();
		for (int i = 6; i <= 7; i++) {
			var inReplyTo = commentElement(page, chain.get(i)).selectFirst(".in-reply-to");
			assertThat(inReplyTo).as("in reply to on %d", i).isNotNull();
			assertThat(inReplyTo.text()).isEqualTo("in reply to Speaker " + (i - 1));
			assertThat(inReplyTo.selectFirst("a").attr("href")).isEqualTo("#comment-" + chain.get(i - 1));
		}
		assertThat(page.select(".in-reply-to")).hasSize(2);
	}

	@Test
	void replyToComRendersTheFormAsAReplyToThatComment() {
		String slug = newArticle("Reply link");
		long target = comment(slug, null, "Grace Hopper", "Reply to me without a script");

		Document plain = page("/articles/" + slug);
		assertThat(plain.selectFirst("#respond .replying-to").hasAttr("hidden")).isTrue();
		assertThat(plain.selectFirst("#respond input[name=comment_parent]").val()).isEmpty();
		assertThat(commentElement(plain, target).selectFirst("a.reply-link").attr("href"))
			.isEqualTo("?replytocom=" + target + "#respond");

		Document replying = page("/articles/" + slug + "?replytocom=" + target);
		var replyingTo = replying.selectFirst("#respond .replying-to");
		assertThat(replyingTo.hasAttr("hidden")).isFalse();
		assertThat(replyingTo.text()).startsWith("Replying to Grace Hopper");
		assertThat(replyingTo.selectFirst("a.replying-to-author").attr("href")).isEqualTo("#comment-" + target);
		assertThat(replying.selectFirst("#respond input[name=comment_parent]").val()).isEqualTo(String.valueOf(target));
	}

	@Test
	void replyToComOfAnotherArticlesCommentLeavesAPlainForm() {
		String slug = newArticle("Reply link here");
		String other = newArticle("Reply link there");
		long foreign = comment(other, null, "Stranger", "Elsewhere");

		for (String replyTo : List.of(String.valueOf(foreign), "999999999", "abc")) {
			Document page = page("/articles/" + slug + "?replytocom=" + replyTo);
			assertThat(page.selectFirst("#respond .replying-to").hasAttr("hidden")).as(replyTo).isTrue();
			assertThat(page.selectFirst("#respond input[name=comment_parent]").val()).as(replyTo).isEmpty();
		}
	}

	@Test
	void corderReordersTopLevelCommentsAndKeepsRepliesUnderTheirParents() {
		String slug = newArticle("Ordering");
		long a = comment(slug, null, "A", "oldest");
		long b = comment(slug, null, "B", "middle");
		long c = comment(slug, null, "C", "newest");
		long replyToA = comment(slug, a, "Reply", "under A");
		for (long liked : List.of(a, a, c)) {
			var like = http.from(newAddress()).postJson("/api/v1/comments/" + liked + "/like", null);
			assertThat(like.status()).as(like.toString()).isEqualTo(200);
		}

		assertThat(topLevelIds(page("/articles/" + slug))).containsExactly(a, b, c);
		assertThat(topLevelIds(page("/articles/" + slug + "?corder=oldest"))).containsExactly(a, b, c);
		Document newest = page("/articles/" + slug + "?corder=newest");
		assertThat(topLevelIds(newest)).containsExactly(c, b, a);
		assertThat(newest.selectFirst("nav.thread-order b[aria-current]").text()).isEqualTo("Newest first");
		Document liked = page("/articles/" + slug + "?corder=liked");
		assertThat(topLevelIds(liked)).containsExactly(a, c, b);
		assertThat(liked.selectFirst("nav.thread-order b[aria-current]").text()).isEqualTo("Most liked");
		assertThat(ids(liked.select("#comment-" + a + " > ol.children > li.comment"))).containsExactly(replyToA);
		assertThat(topLevelIds(page("/articles/" + slug + "?corder=nonsense"))).containsExactly(a, b, c);
	}

	@Test
	void moreThanFiftyTopLevelCommentsArePagedAndEveryCommentIsReachableByTheLinks() {
		String slug = newArticle("Paging");
		var roots = new ArrayList<Long>();
		for (int i = 1; i <= 52; i++) {
			roots.add(comment(slug, null, "Reader " + i, "Comment number " + i));
		}
		long replyOnFirstPage = comment(slug, roots.get(0), "Replier", "On page one");
		long replyOnSecondPage = comment(slug, roots.get(51), "Replier", "On page two");
		long deepOnSecondPage = comment(slug, replyOnSecondPage, "Deeper", "Still page two");
		var all = new ArrayList<Long>(roots);
		all.addAll(List.of(replyOnFirstPage, replyOnSecondPage, deepOnSecondPage));

		Document first = page("/articles/" + slug);
		assertThat(topLevelIds(first)).containsExactlyElementsOf(roots.subList(0, 50));
		assertThat(first.selectFirst("nav.pagination")).isNotNull();
		assertThat(first.selectFirst("nav.pagination b[aria-current=page]").text()).isEqualTo("1");
		assertThat(first.selectFirst("nav.pagination a[rel=next]").attr("href")).startsWith("?cpage=2");
		assertThat(first.selectFirst("#comments-title").text()).isEqualTo("55 comments");

		Document second = page("/articles/" + slug + "?cpage=2");
		assertThat(topLevelIds(second)).containsExactly(roots.get(50), roots.get(51));
		assertThat(second.selectFirst("nav.pagination a[rel=prev]")).isNotNull();
		assertThat(second.selectFirst("nav.pagination a[rel=next]")).isNull();

		for (String start : List.of("/articles/" + slug, "/articles/" + slug + "?corder=newest",
				"/articles/" + slug + "?corder=liked")) {
			Map<String, Document> links = crawlFrom(start);
			// The start page is reached again as ?cpage=1: count each page number once.
			var byNumber = new TreeMap<String, Document>();
			links.values().forEach(d -> byNumber.put(d.selectFirst("nav.pagination b[aria-current=page]").text(), d));
			assertThat(byNumber.keySet()).as("pages reached from %s", start).containsExactly("1", "2");
			List<Long> seen = commentIds(byNumber.values());
			assertThat(seen).as("comments reached from %s over %s", start, links.keySet())
				.doesNotHaveDuplicates()
				.containsExactlyInAnyOrderElementsOf(all);
		}

		// The form's redirect and the like button send the reader to the page that shows
		// the comment.
		var posted = http.from(newAddress())
			.postForm("/articles/" + slug + "/comments", Map.of("author", "Late", "email", newEmail(), "url", "",
					"comment", "Answering the last one", "comment_parent", String.valueOf(roots.get(51))));
		assertThat(posted.status()).as(posted.toString()).isEqualTo(302);
		assertThat(posted.header("Location")).contains("?cpage=2&posted=");
		var like = http.from(newAddress()).postForm("/comments/" + roots.get(51) + "/like", Map.of());
		assertThat(like.status()).isEqualTo(302);
		assertThat(pathAndQuery(like.header("Location"))).isEqualTo("/articles/" + slug + "?cpage=2");
		assertThat(like.header("Location")).endsWith("#comment-" + roots.get(51));
	}

	@Test
	void outOfRangePageNumbersShowTheNearestPage() {
		String slug = newArticle("Paging edges");
		long only = comment(slug, null, "Solo", "Alone");
		for (String cpage : List.of("0", "-3", "99", "x")) {
			Document page = page("/articles/" + slug + "?cpage=" + cpage);
			assertThat(topLevelIds(page)).as("cpage=%s", cpage).containsExactly(only);
			assertThat(page.selectFirst("nav.pagination")).isNull();
		}
	}

}
