package org.veche.discussion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.context.ApplicationContext;
import org.veche.publishing.Article;
import org.veche.site.RejectedInput;
import org.veche.support.ModuleTestSite;
import org.veche.support.TestDesk;

/**
 * The discussion module with what it stands on (publishing, identity, privacy, site,
 * backup) and without the moderation module, so every comment it takes is approved:
 * threads, likes and status changes, each told to the rest of the site by its event.
 */
@ApplicationModuleTest(BootstrapMode.ALL_DEPENDENCIES)
@ModuleTestSite
class DiscussionModuleTests {

	@Autowired
	Discussions discussions;

	@Autowired
	Threads threads;

	@Autowired
	CommentLikes likes;

	@Autowired
	ApplicationContext site;

	Article article;

	@BeforeEach
	void article() {
		article = TestDesk.article(site, "Discussed story");
	}

	@Test
	void aCommentAndItsReplyMakeAThreadAndAreAnnounced(AssertablePublishedEvents events) {
		Comment first = discussions.post(article,
				new Reply(null, "Anna", "anna@example.org", null, "First, and **bold**.", true, false),
				TestDesk.guest());
		Comment reply = discussions.post(article,
				new Reply(first.id(), "Boris", "boris@example.org", null, "@Anna I agree."), TestDesk.guest());

		assertThat(first.status()).isEqualTo(CommentStatus.APPROVED);
		assertThat(first.bodyHtml()).contains("<strong>bold</strong>");
		assertThat(reply.bodyHtml()).as("a mention links to the comment").contains(first.anchor());
		assertThat(events).contains(CommentPosted.class)
			.matching(posted -> posted.commentId() == reply.id() && Long.valueOf(first.id()).equals(posted.parentId())
					&& posted.mentioned().equals(List.of(first.id())));
		assertThat(events).contains(CommentNotificationsRequested.class)
			.matchingValue(CommentNotificationsRequested::commentId, first.id());
		assertThat(events.ofType(CommentNotificationsRequested.class)).hasSize(1);

		ThreadPage thread = threads.thread(article.id(), ThreadOrder.OLDEST, 1);
		assertThat(thread.total()).isEqualTo(2);
		assertThat(thread.roots()).singleElement().satisfies(root -> {
			assertThat(root.comment().id()).isEqualTo(first.id());
			assertThat(root.replies()).extracting(node -> node.comment().id()).containsExactly(reply.id());
		});
	}

	@Test
	void aReplyToACommentOfAnotherArticleIsRefused() {
		Article other = TestDesk.article(site, "Other story");
		Comment elsewhere = discussions.post(other, new Reply(null, "Anna", "anna@example.org", null, "Elsewhere"),
				TestDesk.guest());

		assertThatThrownBy(() -> discussions.post(article,
				new Reply(elsewhere.id(), "Boris", "boris@example.org", null, "Lost"), TestDesk.guest()))
			.isInstanceOfSatisfying(RejectedInput.class,
					ex -> assertThat(ex.messageKey()).isEqualTo("comment.parent.unknown"));
		assertThat(threads.thread(article.id(), ThreadOrder.OLDEST, 1).total()).isZero();
	}

	@Test
	void aLikeCountsOncePerReaderAndIsAnnounced(AssertablePublishedEvents events) {
		Comment comment = discussions.post(article, new Reply(null, "Anna", "anna@example.org", null, "Like me"),
				TestDesk.guest());
		Commenter reader = TestDesk.guest();

		assertThat(likes.like(comment.id(), reader, true).likes()).isEqualTo(1);
		assertThat(likes.like(comment.id(), reader, true).likes()).isEqualTo(1);
		assertThat(likes.like(comment.id(), reader, false).likes()).isZero();

		assertThat(events.ofType(CommentLiked.class)).extracting(CommentLiked::likes).containsExactly(1, 0);
	}

	@Test
	void aCommentMovedToTheTrashLeavesItsThread(AssertablePublishedEvents events) {
		Comment comment = discussions.post(article, new Reply(null, "Anna", "anna@example.org", null, "Soon gone"),
				TestDesk.guest());

		assertThat(discussions.changeStatus(comment.id(), CommentStatus.TRASH)).isPresent();
		assertThat(discussions.changeStatus(comment.id(), CommentStatus.TRASH)).as("no change the second time")
			.isEmpty();

		assertThat(events).contains(CommentStatusChanged.class)
			.matching(changed -> changed.commentId() == comment.id() && changed.to() == CommentStatus.TRASH);
		assertThat(threads.thread(article.id(), ThreadOrder.OLDEST, 1).total()).isZero();
	}

}
