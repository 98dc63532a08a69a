package org.veche.notification;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.veche.discussion.CommentStatus;
import org.veche.discussion.Discussions;
import org.veche.identity.NewAccount;
import org.veche.identity.Role;
import org.veche.identity.SignedIn;
import org.veche.publishing.Article;
import org.veche.publishing.ArticleLookup;
import org.veche.publishing.Newsroom;
import org.veche.support.TestMail;

/**
 * Issue 15, mentions: "@name" of an earlier commenter in the thread links to their latest
 * comment, safely, and mails them once when they follow replies to that comment.
 */
class MentionsIT extends NotificationSupport {

	private Elements mentions(String slug, long commentId) {
		var page = http.get("/articles/" + slug);
		assertThat(page.status()).isEqualTo(200);
		Element comment = page.html().getElementById("comment-" + commentId);
		assertThat(comment).as("comment %s on the page", commentId).isNotNull();
		return comment.select("a.mention");
	}

	private final java.util.Map<Long, String> posted = new java.util.concurrent.ConcurrentHashMap<>();

	private long post(String slug, String name, String body) {
		var comment = postComment(slug, null, name, body);
		long id = comment.get("id").asLong();
		posted.put(id, comment.get("html").asString());
		return id;
	}

	@Test
	void aMentionLinksToTheLatestEarlierCommentOfThatCommenterWhateverTheCase() {
		String slug = newArticle("Mentioned");
		post(slug, "Olena", "First thought.");
		long latest = post(slug, "Olena", "Second thought.");
		long mention = post(slug, "Taras", "I agree with @oLENA, and **@Olena** again.");

		var html = Jsoup.parseBodyFragment(postedHtml(mention));
		assertThat(html.select("a.mention")).hasSize(2).allSatisfy(a -> {
			assertThat(a.attr("href")).isEqualTo("#comment-" + latest);
			assertThat(a.text()).isEqualToIgnoringCase("@Olena");
		});
		var shown = mentions(slug, mention);
		assertThat(shown).hasSize(2);
		assertThat(shown.first().attr("href")).isEqualTo("#comment-" + latest);
		assertThat(shown.first().text()).isEqualTo("@oLENA");
	}

	@Test
	void anUnknownNameAnAddressAndCodeStayPlainText() {
		String slug = newArticle("Unknown");
		post(slug, "Olena", "Hello.");
		long plain = post(slug, "Taras",
				"Hi @nobody, write to olena@example.org or `@Olena`; @Olenka is someone else.");

		assertThat(mentions(slug, plain)).isEmpty();
		String text = Jsoup.parseBodyFragment(postedHtml(plain)).text();
		assertThat(text).contains("Hi @nobody,").contains("@Olenka is someone else");
	}

	@Test
	void theLongestEarlierNameWithSpacesWins() {
		String slug = newArticle("Spaces");
		long anna = post(slug, "Anna", "Short name.");
		long annaMaria = post(slug, "Anna Maria Kovalenko", "Long name.");
		long both = post(slug, "Taras", "@anna maria kovalenko said more than @Anna. @Anna Maria, who?");

		var links = mentions(slug, both);
		assertThat(links.eachText()).containsExactly("@anna maria kovalenko", "@Anna", "@Anna");
		assertThat(links.eachAttr("href")).containsExactly("#comment-" + annaMaria, "#comment-" + anna,
				"#comment-" + anna);
	}

	@Test
	void namesThatLookLikeMarkupStayEscaped() {
		String slug = newArticle("Escaped");
		String quoting = "x\" onmouseover=\"alert(1)";
		long target = post(slug, quoting, "Quoting name.");
		post(slug, "<script>alert(2)</script>", "Tag name.");
		long mention = post(slug, "Taras", "Hi @" + quoting + " and @<script>alert(2)</script>!");

		String html = postedHtml(mention);
		assertThat(html).doesNotContain("<script").doesNotContain("onmouseover=\"");
		var links = mentions(slug, mention);
		assertThat(links).hasSize(1);
		Element link = links.first();
		assertThat(link.text()).isEqualTo("@" + quoting);
		assertThat(link.attr("href")).isEqualTo("#comment-" + target);
		assertThat(link.attributes().asList()).extracting(a -> a.getKey())
			.containsExactlyInAnyOrder("href", "class", "rel");
		var page = http.get("/articles/" + slug).html();
		assertThat(page.select("script:containsData(alert(2))")).isEmpty();
		assertThat(page.select("[onmouseover]")).isEmpty();
	}

	@Test
	void aMentionedReaderFollowingRepliesGetsOneMailPerMentionAndNoneTwiceForAMentioningReply() throws Exception {
		String slug = newArticle("Mail for mentions");
		String email = newEmail("olena");
		long mine = postByForm(slug, null, "Olena Petrenko", email, "Tell me.", true, false);
		confirm(TestMail.awaitMessage(email, 1));

		long mention = post(slug, "Taras", "As @Olena Petrenko said.");
		var notice = TestMail.awaitMessage(email, 2);
		assertThat(TestMail.subject(notice)).startsWith("Taras mentioned you on \u201cMail for mentions");
		assertThat(TestMail.text(notice)).contains("As @Olena Petrenko said.").contains("#comment-" + mention);

		long reply = replyTo(slug, mine, "@Olena Petrenko, a reply that mentions you too.");
		var second = TestMail.awaitMessage(email, 3);
		assertThat(TestMail.subject(second)).startsWith("New reply to your comment");
		awaitOutboxEmpty();
		assertThat(TestMail.to(email)).hasSize(3);
		assertThat(queuedFor(email)).containsExactly(queuedFor(email).get(0), "comment:" + mention, "comment:" + reply);
	}

	@Test
	void aMentionedReaderWhoFollowsNothingGetsNoMail() throws Exception {
		String slug = newArticle("No mail for mentions");
		String email = newEmail("petro");
		postByForm(slug, null, "Petro", email, "Just saying.", false, false);
		long mention = post(slug, "Taras", "@Petro is right.");

		assertThat(mentions(slug, mention)).hasSize(1);
		awaitOutboxEmpty();
		assertThat(TestMail.to(email)).isEmpty();
		assertThat(queuedFor(email)).isEmpty();
	}

	/** The HTML the API answered the post with. */
	@Autowired
	private Discussions discussions;

	@Autowired
	private ArticleLookup publishing;

	@Autowired
	private Newsroom newsroom;

	@Test
	void aHeldMentionMailsOnlyOnceApproved() throws Exception {
		String slug = newArticle("Held mention");
		String email = newEmail("mykola");
		postByForm(slug, null, "Mykola", email, "Follow me.", true, false);
		confirm(TestMail.awaitMessage(email, 1));
		var editor = identity
			.createAccount(new NewAccount(newEmail("editor"), "editor password 12", "Editor", Role.EDITOR));
		newsroom.setDiscussion(publishing.article(slug).orElseThrow().id(), Article.Discussion.PREMODERATED,
				new SignedIn(editor, null));

		var held = http.from(newAddress())
			.postJson("/api/v1/articles/" + slug + "/comments", java.util.Map.of("author",
					java.util.Map.of("name", "Taras", "email", newEmail("taras")), "body", "@Mykola, wait."));
		assertThat(held.status()).isEqualTo(202);
		long id = held.json().get("id").asLong();
		awaitOutboxEmpty();
		assertThat(queuedFor(email)).as("nothing while the mention is held").hasSize(1);

		discussions.changeStatus(id, CommentStatus.APPROVED);
		var notice = TestMail.awaitMessage(email, 2);
		assertThat(TestMail.subject(notice)).startsWith("Taras mentioned you on");
		awaitOutboxEmpty();
		assertThat(TestMail.to(email)).hasSize(2);
	}

	private String postedHtml(long id) {
		return posted.get(id);
	}

}
