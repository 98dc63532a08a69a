package org.veche.publishing;

import java.time.Clock;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.veche.identity.SignedIn;
import org.veche.publishing.internal.Articles;
import org.veche.site.RejectedInput;

/**
 * What writers and editors do to articles: write, revise, open or close the comments, set
 * the cover; and the schedule that publishes what is due. Who may change which article is
 * {@link EditorsDesk#editable}'s rule.
 */
@Service
public class Newsroom {

	private final EditorsDesk desk;

	private final ArticleWriter writer;

	private final Articles articles;

	private final Clock clock;

	Newsroom(EditorsDesk desk, ArticleWriter writer, Articles articles, Clock clock) {
		this.desk = desk;
		this.writer = writer;
		this.articles = articles;
		this.clock = clock;
	}

	/** Writes a new article as this person; an author's may only be a draft. */
	@Transactional
	public Article create(ArticleDraft draft, SignedIn by) {
		if (by == null || !by.role().writes()) {
			throw new RejectedInput(HttpStatus.FORBIDDEN, "article.notYours");
		}
		requireMayPublish(draft, by);
		refuseExternalKind(draft);
		return writer.create(draft, by.accountId(), by.displayName());
	}

	/**
	 * Saves a new version as this person: the same rules as {@link EditorsDesk#editable}
	 * and {@link #create}.
	 */
	@Transactional
	public Article revise(long id, ArticleDraft draft, SignedIn by) {
		Article before = desk.editable(id, by);
		if (before.isExternalPage()) {
			// an editor may retitle a discussed page, but it stays that page's discussion
			draft = new ArticleDraft(Article.Kind.EXTERNAL_PAGE, draft.words(), draft.tags(), before.source(),
					draft.plan(), draft.coverPhotoId());
		}
		else {
			refuseExternalKind(draft);
		}
		requireMayPublish(draft, by);
		return writer.revise(id, draft);
	}

	/** Only the embed makes pages of other sites, and only for an allowed site. */
	private static void refuseExternalKind(ArticleDraft draft) {
		if (draft.kind() == Article.Kind.EXTERNAL_PAGE) {
			throw new RejectedInput("article.kind.invalid");
		}
	}

	private void requireMayPublish(ArticleDraft draft, SignedIn by) {
		if (draft.plan().status() != null && draft.plan().status() != Article.Status.DRAFT && !desk.mayPublish(by)) {
			throw new RejectedInput(HttpStatus.FORBIDDEN, "article.publish.forbidden");
		}
	}

	/** The editor's switch for the article's comments: open, pre-moderated or closed. */
	@Transactional
	public void setDiscussion(long articleId, Article.Discussion discussion, SignedIn by) {
		desk.editable(articleId, by);
		articles.setDiscussion(articleId, discussion, clock.instant());
	}

	/** The photo shown at the top of the article and beside it in lists. */
	public void setCover(long articleId, Long photoId) {
		articles.setCover(articleId, photoId, clock.instant());
	}

	/**
	 * The schedule's own door to {@link #publishDue}: of several nodes, the one holding
	 * the lock publishes (a direct call, from a test or elsewhere, is not locked and not
	 * skipped).
	 */
	@Scheduled(fixedDelayString = "${veche.publishing.schedule-check:PT30S}")
	@SchedulerLock(name = "publishing.publishDue", lockAtMostFor = "PT5M")
	@Transactional
	void publishDueOnSchedule() {
		publishDue();
	}

	/**
	 * Scheduled articles go out on their own; this tells the rest of the site when they
	 * do.
	 */
	@Transactional
	public void publishDue() {
		writer.publishDue();
	}

}
