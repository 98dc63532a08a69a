package org.veche.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;
import java.util.Map;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;

import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.veche.discussion.CommentStatus;
import org.veche.discussion.Discussions;
import org.veche.identity.Account;
import org.veche.identity.NewAccount;
import org.veche.identity.Role;
import org.veche.support.Http;
import org.veche.support.IntegrationTest;

/**
 * Feeds as an aggregator reads them: fetched over HTTP and parsed by Rome. Adds no
 * properties, so it runs in the shared server context.
 */
abstract class FeedSupport extends IntegrationTest {

	@Autowired
	protected DSLContext db;

	@Autowired
	protected Discussions discussions;

	@Autowired
	protected org.veche.publishing.EditorsDesk desk;

	@Autowired
	protected org.veche.publishing.Newsroom newsroom;

	protected record Author(Account account, String token) {
	}

	protected Author newEditor() {
		Account account = identity.createAccount(new NewAccount("feed-editor" + unique() + "@example.org",
				"correct horse battery " + unique(), "Editor " + unique(), Role.EDITOR));
		return new Author(account, identity.createToken(account.id(), "feed tests"));
	}

	protected String publish(String token, String title, List<String> tags, String status) {
		var response = http.bearer(token)
			.postJson("/api/v1/articles",
					Map.of("title", title, "lead", "Lead of " + title, "body", "Body", "tags", tags, "status", status));
		assertThat(response.status()).as("%s", response).isEqualTo(201);
		return response.json().get("slug").asString();
	}

	protected SyndFeed feed(String path, String expectedType) {
		Http.Response response = http.get(path);
		assertThat(response.status()).as("GET %s: %s", path, response).isEqualTo(200);
		assertThat(response.header("Content-Type")).startsWith(expectedType);
		try {
			return new SyndFeedInput().build(new StringReader(response.body()));
		}
		catch (Exception ex) {
			throw new AssertionError("Rome cannot read " + path + ": " + ex.getMessage() + "\n" + response.body(), ex);
		}
	}

	protected static List<String> titles(SyndFeed feed) {
		return feed.getEntries().stream().map(SyndEntry::getTitle).toList();
	}

	protected static List<String> links(SyndFeed feed) {
		return feed.getEntries().stream().map(SyndEntry::getLink).toList();
	}

	/** A moderator's decision, through the discussion's own method. */
	protected void setCommentStatus(long commentId, String status) {
		assertThat(discussions.changeStatus(commentId, CommentStatus.valueOf(status))).isPresent();
	}

	/**
	 * An editor's change of status, through publishing's own method (so its caches hear
	 * of it).
	 */
	protected void setArticleStatus(Author editor, String slug, String status) {
		var by = new org.veche.identity.SignedIn(editor.account(), null);
		var article = desk.editable(slug, by);
		newsroom.revise(article.id(),
				new org.veche.publishing.ArticleDraft(article.kind(),
						new org.veche.publishing.ArticleDraft.Words(article.title(), article.lead(), article.body()),
						article.tags(), article.source(), new org.veche.publishing.ArticleDraft.Plan(
								org.veche.publishing.Article.Status.valueOf(status), null),
						article.coverPhotoId()),
				by);
	}

}
