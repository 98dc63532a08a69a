package org.veche.discussion.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.veche.discussion.Comment;
import org.veche.discussion.CommentStatus;
import org.veche.discussion.ThreadNode;
import org.veche.discussion.ThreadOrder;
import org.veche.discussion.ThreadPage;

class ThreadAssemblerTests {

	private static Comment comment(long id, Long parent, int likes) {
		return new Comment(id, 1, parent, 0, "author" + id, null, null, "b", "<p>b</p>", CommentStatus.APPROVED,
				Instant.ofEpochSecond(id), likes, org.veche.discussion.CommentKind.COMMENT);
	}

	@Test
	void repliesNestUnderTheirParentOldestFirst() {
		var thread = new ThreadAssembler(
				List.of(comment(1, null, 0), comment(2, 1L, 0), comment(3, null, 0), comment(4, 1L, 0)),
				ThreadOrder.OLDEST)
			.page(1, ThreadOrder.OLDEST, 1, 50, 5);
		assertThat(thread.roots()).extracting(n -> n.comment().id()).containsExactly(1L, 3L);
		assertThat(thread.roots().get(0).replies()).extracting(n -> n.comment().id()).containsExactly(2L, 4L);
		assertThat(thread.total()).isEqualTo(4);
	}

	@Test
	void ordersTopLevelCommentsNewestOrMostLikedButRepliesStayChronological() {
		var comments = List.of(comment(1, null, 1), comment(2, null, 5), comment(3, 1L, 9), comment(4, 1L, 0),
				comment(5, null, 5));
		assertThat(new ThreadAssembler(comments, ThreadOrder.NEWEST).page(1, ThreadOrder.NEWEST, 1, 50, 5).roots())
			.extracting(n -> n.comment().id())
			.containsExactly(5L, 2L, 1L);
		ThreadPage liked = new ThreadAssembler(comments, ThreadOrder.LIKED).page(1, ThreadOrder.LIKED, 1, 50, 5);
		assertThat(liked.roots()).extracting(n -> n.comment().id()).containsExactly(2L, 5L, 1L);
		assertThat(liked.roots().get(2).replies()).extracting(n -> n.comment().id()).containsExactly(3L, 4L);
	}

	private static Comment picked(long id, Long parent, long pickedAt) {
		return new Comment(id, 1, parent, 0, "author" + id, null, null, "b", "<p>b</p>", CommentStatus.APPROVED,
				Instant.ofEpochSecond(id), 0, org.veche.discussion.CommentKind.COMMENT, null, false,
				Instant.ofEpochSecond(pickedAt));
	}

	@Test
	void editorsPicksLeadTheThreadInEveryOrderTheLatestPickFirstAndAPickedReplyStaysInPlace() {
		var comments = List.of(comment(1, null, 9), picked(2, null, 100), comment(3, null, 0), picked(4, null, 200),
				picked(5, 1L, 300));
		for (ThreadOrder order : ThreadOrder.values()) {
			var page = new ThreadAssembler(comments, order).page(1, order, 1, 50, 5);
			assertThat(page.roots()).as("%s", order).extracting(n -> n.comment().id()).startsWith(4L, 2L);
			assertThat(page.roots().stream().filter(n -> n.comment().id() == 1L).findFirst().orElseThrow().replies())
				.extracting(n -> n.comment().id())
				.containsExactly(5L);
		}
		assertThat(new ThreadAssembler(comments, ThreadOrder.OLDEST).page(1, ThreadOrder.OLDEST, 1, 50, 5).roots())
			.extracting(n -> n.comment().id())
			.containsExactly(4L, 2L, 1L, 3L);
	}

	@Test
	void repliesBelowTheDeepestLevelAreShownFlatAtThatLevelNamingWhomTheyAnswer() {
		var chain = new ArrayList<Comment>();
		chain.add(comment(1, null, 0));
		for (long id = 2; id <= 8; id++) {
			chain.add(comment(id, id - 1, 0));
		}
		ThreadNode node = new ThreadAssembler(chain, ThreadOrder.OLDEST).page(1, ThreadOrder.OLDEST, 1, 50, 3)
			.roots()
			.get(0);
		// levels 0 and 1 nest; level 2 is the last one shown
		ThreadNode deepest = node.replies().get(0).replies().get(0);
		assertThat(deepest.comment().id()).isEqualTo(3L);
		assertThat(deepest.level()).isEqualTo(2);
		assertThat(deepest.flat()).isTrue();
		assertThat(deepest.replies()).extracting(n -> n.comment().id()).containsExactly(4L, 5L, 6L, 7L, 8L);
		assertThat(deepest.replies()).allSatisfy(n -> assertThat(n.level()).isEqualTo(2));
		assertThat(deepest.replies().get(0).inReplyTo()).isNull();
		assertThat(deepest.replies().get(1).inReplyTo().id()).isEqualTo(4L);
	}

	@Test
	void aReplyWhoseParentIsNotShownStandsAtTheTopSoItIsNeverLost() {
		// comment 1 is held or removed: its reply 2 must still be reachable
		var thread = new ThreadAssembler(List.of(comment(2, 1L, 0), comment(3, null, 0)), ThreadOrder.OLDEST).page(1,
				ThreadOrder.OLDEST, 1, 50, 5);
		assertThat(thread.roots()).extracting(n -> n.comment().id()).containsExactly(2L, 3L);
	}

	@Test
	void pagesTopLevelCommentsAndFindsThePageOfAnyReply() {
		var comments = new ArrayList<Comment>();
		for (long id = 1; id <= 120; id++) {
			comments.add(comment(id, null, 0));
		}
		comments.add(comment(121, 110L, 0));
		var assembler = new ThreadAssembler(comments, ThreadOrder.OLDEST);
		ThreadPage third = assembler.page(1, ThreadOrder.OLDEST, 3, 50, 5);
		assertThat(third.pages()).isEqualTo(3);
		assertThat(third.roots()).hasSize(20);
		assertThat(third.roots().get(0).comment().id()).isEqualTo(101L);
		assertThat(assembler.pageOf(121, 50)).isEqualTo(3);
		assertThat(assembler.pageOf(49, 50)).isEqualTo(1);
		assertThat(assembler.page(1, ThreadOrder.OLDEST, 99, 50, 5).page()).isEqualTo(3);
	}

	@Test
	void aLongChainOfRepliesDoesNotOverflowTheStack() {
		var chain = new ArrayList<Comment>();
		chain.add(comment(1, null, 0));
		for (long id = 2; id <= 50_000; id++) {
			chain.add(comment(id, id - 1, 0));
		}
		var root = new ThreadAssembler(chain, ThreadOrder.OLDEST).page(1, ThreadOrder.OLDEST, 1, 50, 5).roots().get(0);
		var node = root;
		while (!node.flat()) {
			node = node.replies().get(0);
		}
		assertThat(node.replies()).hasSize(50_000 - 5);
	}

}
