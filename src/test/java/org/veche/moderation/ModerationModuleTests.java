package org.veche.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.veche.discussion.Comment;
import org.veche.discussion.CommentPosted;
import org.veche.discussion.CommentStatus;
import org.veche.discussion.CommentStatusChanged;
import org.veche.identity.Role;
import org.veche.identity.SignedIn;
import org.veche.publishing.Article;
import org.veche.support.ModuleTestSite;
import org.veche.support.TestDesk;

/**
 * The moderation module with what it stands on (discussion, publishing, identity,
 * privacy, site, backup), with its default rules: it screens the comments the discussion
 * takes (a newcomer's first comment waits), the queue shows them with the reason, a
 * decision is applied and logged, and readers' reports hold a comment again.
 */
@ApplicationModuleTest(BootstrapMode.ALL_DEPENDENCIES)
@ModuleTestSite
class ModerationModuleTests {

	@Autowired
	ModerationQueue queue;

	@Autowired
	ModerationDesk desk;

	@Autowired
	ModerationLog log;

	@Autowired
	ReaderReports reports;

	@Autowired
	RuleBook rules;

	@Autowired
	ApplicationContext site;

	Article article;

	SignedIn moderator;

	@BeforeEach
	void articleAndModerator() {
		article = TestDesk.article(site, "Moderated story");
		moderator = TestDesk.staff(site, Role.MODERATOR);
	}

	@Test
	void aNewcomersFirstCommentWaitsInTheQueueUntilAModeratorApprovesIt(AssertablePublishedEvents events) {
		Comment held = post("Hello, first time here.");

		assertThat(held.status()).isEqualTo(CommentStatus.PENDING);
		assertThat(events).contains(CommentPosted.class)
			.matching(posted -> posted.commentId() == held.id() && posted.status() == CommentStatus.PENDING);
		assertThat(queue.queue(QueueTab.PENDING, 1)).filteredOn(item -> item.comment().id() == held.id())
			.singleElement()
			.satisfies(item -> assertThat(item.reasons()).isNotEmpty());

		desk.decide(held.id(), Decision.APPROVE, moderator);

		assertThat(events).contains(CommentStatusChanged.class)
			.matching(changed -> changed.commentId() == held.id() && changed.from() == CommentStatus.PENDING
					&& changed.to() == CommentStatus.APPROVED);
		assertThat(queue.item(held.id())).hasValueSatisfying(item -> assertThat(item.comment().isApproved()).isTrue());
		assertThat(log.actions(1)).first().satisfies(action -> {
			assertThat(action.action()).isEqualTo(Decision.APPROVE.param());
			assertThat(action.commentId()).isEqualTo(held.id());
			assertThat(action.moderatorId()).isEqualTo(moderator.accountId());
		});
	}

	@Test
	void enoughReadersReportsHoldAnApprovedCommentAgain(AssertablePublishedEvents events) {
		Comment comment = post("A remark some readers dislike.");
		desk.decide(comment.id(), Decision.APPROVE, moderator);
		int needed = rules.rules().reportsToHold();
		assertThat(needed).isGreaterThan(1);

		assertThat(reports.report(comment.id(), ReportReason.ABUSE, "reporter-1").reports()).isEqualTo(1);
		assertThat(reports.report(comment.id(), ReportReason.SPAM, "reporter-1").reports())
			.as("a reader who reports twice counts once")
			.isEqualTo(1);
		CommentReported last = null;
		for (int i = 2; i <= needed; i++) {
			last = reports.report(comment.id(), ReportReason.ABUSE, "reporter-" + i);
		}

		assertThat(last.held()).isTrue();
		assertThat(events.ofType(CommentReported.class)).hasSize(needed);
		assertThat(queue.item(comment.id()))
			.hasValueSatisfying(item -> assertThat(item.comment().status()).isEqualTo(CommentStatus.PENDING));
		assertThat(queue.queue(QueueTab.PENDING, 1)).extracting(item -> item.comment().id()).contains(comment.id());
	}

	private Comment post(String body) {
		return TestDesk.comment(site, article, body);
	}

}
