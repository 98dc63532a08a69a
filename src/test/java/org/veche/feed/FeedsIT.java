package org.veche.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;

import org.junit.jupiter.api.Test;

/**
 * Every feed parses with Rome in both formats and carries only what a reader of the site
 * may see.
 */
class FeedsIT extends FeedSupport {

	@Test
	void theSiteFeedsCarryPublishedArticlesOnlyInRssAndAtom() {
		Author editor = newEditor();
		String published = "Published story " + unique();
		String draft = "Draft story " + unique();
		String slug = publish(editor.token(), published, List.of("city"), "published");
		publish(editor.token(), draft, List.of("city"), "draft");

		SyndFeed rss = feed("/feed", "application/rss+xml");
		assertThat(rss.getFeedType()).isEqualTo("rss_2.0");
		assertThat(titles(rss)).contains(published).doesNotContain(draft);
		SyndEntry entry = rss.getEntries()
			.stream()
			.filter(e -> e.getTitle().equals(published))
			.findFirst()
			.orElseThrow();
		assertThat(entry.getLink()).isEqualTo(http.url("/articles/" + slug));
		assertThat(entry.getDescription().getValue()).isEqualTo("Lead of " + published);
		assertThat(entry.getAuthor()).isEqualTo(editor.account().displayName());
		assertThat(entry.getPublishedDate()).isNotNull();

		SyndFeed atom = feed("/feed/atom", "application/atom+xml");
		assertThat(atom.getFeedType()).isEqualTo("atom_1.0");
		assertThat(titles(atom)).contains(published).doesNotContain(draft);
		assertThat(atom.getUri()).isEqualTo(http.url("/feed/atom"));
		SyndEntry atomEntry = atom.getEntries()
			.stream()
			.filter(e -> e.getTitle().equals(published))
			.findFirst()
			.orElseThrow();
		assertThat(atomEntry.getAuthor()).isEqualTo(editor.account().displayName());
		assertThat(atomEntry.getUri()).isEqualTo(http.url("/articles/" + slug));
	}

	@Test
	void tagAndAuthorFeedsHoldTheirOwnArticles() {
		Author one = newEditor();
		Author other = newEditor();
		String tag = "tag" + unique();
		String tagged = "Tagged " + unique();
		String untagged = "Untagged " + unique();
		String othersDraft = "Other's draft " + unique();
		publish(one.token(), tagged, List.of(tag), "published");
		publish(one.token(), untagged, List.of("other"), "published");
		publish(other.token(), othersDraft, List.of(tag), "draft");
		String othersStory = "Other's story " + unique();
		publish(other.token(), othersStory, List.of("other"), "published");

		for (String path : List.of("/tags/" + tag + "/feed", "/tags/" + tag + "/feed/atom")) {
			SyndFeed feed = feed(path, path.endsWith("atom") ? "application/atom+xml" : "application/rss+xml");
			assertThat(titles(feed)).as(path).containsExactly(tagged);
		}
		for (String path : List.of("/authors/" + one.account().id() + "/feed",
				"/authors/" + one.account().id() + "/feed/atom")) {
			SyndFeed feed = feed(path, path.endsWith("atom") ? "application/atom+xml" : "application/rss+xml");
			assertThat(titles(feed)).as(path).containsExactlyInAnyOrder(tagged, untagged);
		}
		assertThat(titles(feed("/authors/" + other.account().id() + "/feed", "application/rss+xml")))
			.containsExactly(othersStory);
		assertThat(http.get("/tags/nosuchtag" + unique() + "/feed").status()).isEqualTo(404);
		assertThat(http.get("/authors/999999/feed").status()).isEqualTo(404);
	}

	@Test
	void commentFeedsCarryApprovedCommentsOfPublishedArticlesOnly() {
		Author editor = newEditor();
		String slug = publish(editor.token(), "Discussed " + unique(), List.of(), "published");
		String hiddenSlug = publish(editor.token(), "Taken down " + unique(), List.of(), "published");
		long approved = postComment(slug, null, "Olena", "An approved <b>word</b> " + unique()).get("id").asLong();
		long held = postComment(slug, null, "Held", "A held word " + unique()).get("id").asLong();
		long spam = postComment(slug, null, "Spammer", "Spam " + unique()).get("id").asLong();
		long onTakenDown = postComment(hiddenSlug, null, "Gone", "On an article taken down " + unique()).get("id")
			.asLong();
		setCommentStatus(held, "PENDING");
		setCommentStatus(spam, "SPAM");
		setArticleStatus(editor, hiddenSlug, "DRAFT");

		for (String path : List.of("/articles/" + slug + "/feed", "/articles/" + slug + "/feed/atom")) {
			SyndFeed feed = feed(path, path.endsWith("atom") ? "application/atom+xml" : "application/rss+xml");
			assertThat(links(feed)).as(path).containsExactly(http.url("/articles/" + slug + "#comment-" + approved));
			SyndEntry entry = feed.getEntries().get(0);
			assertThat(entry.getAuthor()).isEqualTo("Olena");
			assertThat(entry.getDescription().getValue()).contains("An approved &lt;b&gt;word&lt;/b&gt;");
			assertThat(entry.getTitle()).startsWith("Olena on ");
		}
		for (String path : List.of("/comments/feed", "/comments/feed/atom")) {
			var siteLinks = links(feed(path, path.endsWith("atom") ? "application/atom+xml" : "application/rss+xml"));
			assertThat(siteLinks).as(path)
				.contains(http.url("/articles/" + slug + "#comment-" + approved))
				.noneMatch(link -> link.endsWith("#comment-" + held) || link.endsWith("#comment-" + spam)
						|| link.endsWith("#comment-" + onTakenDown));
		}
		assertThat(http.get("/articles/" + hiddenSlug + "/feed").status()).isEqualTo(404);
	}

	@Test
	void everyPageNamesTheSiteFeedsAndAnArticleItsCommentFeed() {
		Author editor = newEditor();
		String tag = "disco" + unique();
		String slug = publish(editor.token(), "Discoverable " + unique(), List.of(tag), "published");
		var front = http.get("/").html();
		assertThat(front.select("head link[rel=alternate][type=application/rss+xml]").eachAttr("href"))
			.contains("/feed", "/comments/feed");
		assertThat(front.select("head link[rel=alternate][type=application/atom+xml]").eachAttr("href"))
			.contains("/feed/atom");
		var article = http.get("/articles/" + slug).html();
		assertThat(article.select("head link[rel=alternate][type=application/rss+xml]").eachAttr("href"))
			.contains("/feed", "/articles/" + slug + "/feed");
		var tagPage = http.get("/tags/" + tag).html();
		assertThat(tagPage.select("head link[rel=alternate]").eachAttr("href")).contains("/tags/" + tag + "/feed",
				"/tags/" + tag + "/feed/atom");
		// every advertised feed is there
		for (String href : article.select("head link[rel=alternate]").eachAttr("href")) {
			assertThat(http.get(href).status()).as(href).isEqualTo(200);
		}
	}

}
