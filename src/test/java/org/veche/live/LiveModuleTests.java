package org.veche.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.veche.discussion.Comment;
import org.veche.identity.Role;
import org.veche.identity.SignedIn;
import org.veche.publishing.Article;
import org.veche.site.RejectedInput;
import org.veche.support.ModuleTestSite;
import org.veche.support.TestDesk;

/**
 * The live module with what it stands on (discussion, publishing, identity, privacy,
 * site, backup): a live blog's updates, and an approved comment, reach the open pages of
 * their article as live events, rendered in each language.
 */
@ApplicationModuleTest(BootstrapMode.ALL_DEPENDENCIES)
@ModuleTestSite
class LiveModuleTests {

	@Autowired
	LiveBlog liveBlog;

	@Autowired
	LiveThreads liveThreads;

	@Autowired
	LiveEvents liveEvents;

	@Autowired
	ApplicationContext site;

	List<LiveEvent> heard;

	Article article;

	SignedIn editor;

	@BeforeEach
	void articleAndEditor() {
		article = TestDesk.article(site, "Election night");
		editor = TestDesk.staff(site, Role.EDITOR);
		// listeners stay for the context's life: each test's listens to its own article
		// only
		long articleId = article.id();
		List<LiveEvent> events = new CopyOnWriteArrayList<>();
		heard = events;
		liveEvents.subscribe(event -> {
			if (event.articleId() == articleId) {
				events.add(event);
			}
		});
	}

	@Test
	void aLiveBlogUpdateIsKeptAndSentToReadersInEveryLanguage() {
		assertThatThrownBy(() -> liveBlog.post(article.id(), "Too early", editor)).isInstanceOfSatisfying(
				RejectedInput.class, ex -> assertThat(ex.messageKey()).isEqualTo("live.update.off"));

		liveBlog.start(article.id(), editor);
		LiveUpdate update = liveBlog.post(article.id(), "Polls *closed*.", editor);

		assertThat(liveBlog.view(article.id()).updates()).extracting(LiveUpdate::id).containsExactly(update.id());
		assertThat(heard).singleElement().satisfies(event -> {
			assertThat(event.kind()).isEqualTo(LiveEvent.Kind.UPDATE);
			assertThat(event.id()).isEqualTo(update.id());
			assertThat(event.html()).containsOnlyKeys("en", "ru", "uk");
			assertThat(event.html().get("en")).contains("<em>closed</em>");
		});
	}

	@Test
	void anApprovedCommentReachesAnOpenPageOfItsArticle() throws InterruptedException {
		liveThreads.position(article.id()); // a reader has the page open

		Comment comment = TestDesk.comment(site, article, "Live and well");

		long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		while (heard.isEmpty() && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		assertThat(heard).singleElement().satisfies(event -> {
			assertThat(event.kind()).isEqualTo(LiveEvent.Kind.COMMENT);
			assertThat(event.id()).isEqualTo(comment.id());
			assertThat(event.html().get("en")).contains("Live and well");
		});
	}

}
