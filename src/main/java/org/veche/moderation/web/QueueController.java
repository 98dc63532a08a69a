package org.veche.moderation.web;

import java.time.Duration;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;
import org.veche.identity.SignedIn;
import org.veche.moderation.Decision;
import org.veche.moderation.HeldCluster;
import org.veche.moderation.ModerationDesk;
import org.veche.moderation.ModerationQueue;
import org.veche.moderation.QueueItem;
import org.veche.moderation.QueueTab;
import org.veche.moderation.SurgeWatch;
import org.veche.site.RejectedInput;
import org.veche.site.PageModel;

/**
 * The moderation queue: tabs with counts, each held comment with its context and reasons,
 * and the actions on it, one by one or in bulk. Every action is a plain form post that
 * comes back to the same tab.
 */
@Controller
class QueueController {

	private final ModerationQueue queue;

	private final ModerationDesk desk;

	private final SurgeWatch surges;

	QueueController(ModerationQueue queue, ModerationDesk desk, SurgeWatch surges) {
		this.queue = queue;
		this.desk = desk;
		this.surges = surges;
	}

	@GetMapping("/moderation")
	ModelAndView queue(@RequestParam(defaultValue = "pending") String tab, @RequestParam(defaultValue = "1") int page,
			@RequestParam(required = false) String done) {
		return page(QueueTab.parse(tab), page, done == null ? null : "moderation.done." + done, null, HttpStatus.OK);
	}

	@PostMapping("/moderation/comments/{id}/decide")
	ModelAndView decide(@PathVariable long id, @RequestParam(defaultValue = "") String decision,
			@RequestParam(defaultValue = "pending") String tab, @RequestParam(defaultValue = "1") int page,
			@AuthenticationPrincipal SignedIn by) {
		return act(tab, page, "decided", () -> desk.decide(id, decision(decision), by));
	}

	@PostMapping("/moderation/bulk")
	ModelAndView bulk(@RequestParam(name = "ids", required = false) List<Long> ids,
			@RequestParam(defaultValue = "") String decision, @RequestParam(defaultValue = "pending") String tab,
			@RequestParam(defaultValue = "1") int page, @AuthenticationPrincipal SignedIn by) {
		return act(tab, page, "decided", () -> {
			if (ids == null || ids.isEmpty()) {
				throw new RejectedInput("moderation.bulk.none");
			}
			Decision chosen = decision(decision);
			ids.forEach(id -> desk.decide(id, chosen, by));
		});
	}

	/** A raid's whole cluster, approved or removed in one action. */
	@PostMapping("/moderation/clusters/{cluster}/decide")
	ModelAndView decideCluster(@PathVariable long cluster, @RequestParam(defaultValue = "") String decision,
			@RequestParam(defaultValue = "pending") String tab, @RequestParam(defaultValue = "1") int page,
			@AuthenticationPrincipal SignedIn by) {
		return act(tab, page, "decided", () -> desk.decideCluster(cluster, decision(decision), by));
	}

	/** Ends surge mode now, from the queue's banner. */
	@PostMapping("/moderation/surge/{id}/lift")
	ModelAndView liftSurge(@PathVariable long id, @RequestParam(defaultValue = "pending") String tab,
			@RequestParam(defaultValue = "1") int page, @AuthenticationPrincipal SignedIn by) {
		return act(tab, page, "surgeLifted", () -> surges.lift(id, by));
	}

	@PostMapping("/moderation/comments/{id}/edit")
	ModelAndView edit(@PathVariable long id, @RequestParam(defaultValue = "") String body,
			@RequestParam(defaultValue = "pending") String tab, @RequestParam(defaultValue = "1") int page,
			@AuthenticationPrincipal SignedIn by) {
		return act(tab, page, "edited", () -> desk.edit(id, body, by));
	}

	/**
	 * Makes a comment an editors' pick or no longer one, from the queue or from the
	 * comment in its thread ({@code from=thread}: back to the comment there).
	 */
	@PostMapping("/moderation/comments/{id}/feature")
	ModelAndView feature(@PathVariable long id, @RequestParam(defaultValue = "true") boolean featured,
			@RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "pending") String tab,
			@RequestParam(defaultValue = "1") int page, @AuthenticationPrincipal SignedIn by) {
		if (from.equals("thread")) {
			try {
				desk.feature(id, featured, by);
			}
			catch (RejectedInput rejected) {
				return page(QueueTab.parse(tab), page, null, rejected, rejected.status());
			}
			return new ModelAndView("redirect:" + queue.threadLink(id));
		}
		return act(tab, page, featured ? "featured" : "unfeatured", () -> desk.feature(id, featured, by));
	}

	@PostMapping("/moderation/comments/{id}/reply")
	ModelAndView reply(@PathVariable long id, @RequestParam(defaultValue = "") String body,
			@RequestParam(defaultValue = "pending") String tab, @RequestParam(defaultValue = "1") int page,
			@AuthenticationPrincipal SignedIn by, HttpServletRequest request) {
		return act(tab, page, "replied",
				() -> desk.reply(id, new ModerationDesk.Answer(body, request.getRemoteAddr()), by));
	}

	@PostMapping("/moderation/comments/{id}/ban")
	ModelAndView ban(@PathVariable long id, @RequestParam(defaultValue = "") String length,
			@RequestParam(defaultValue = "") String note, @RequestParam(defaultValue = "pending") String tab,
			@RequestParam(defaultValue = "1") int page, @AuthenticationPrincipal SignedIn by) {
		return act(tab, page, "banned", () -> desk.ban(id, new ModerationDesk.BanTerms(length(length), note), by));
	}

	static Decision decision(String value) {
		return Decision.parse(value).orElseThrow(() -> new RejectedInput("moderation.decision.unknown"));
	}

	/** "1", "7", "30" days, or "forever". */
	static Duration length(String value) {
		if (value.equals("forever")) {
			return null;
		}
		try {
			int days = Integer.parseInt(value.strip());
			if (days >= 1 && days <= 3650) {
				return Duration.ofDays(days);
			}
		}
		catch (NumberFormatException ex) {
			// refused below
		}
		throw new RejectedInput("moderation.ban.length");
	}

	private ModelAndView act(String tab, int page, String done, Runnable action) {
		QueueTab at = QueueTab.parse(tab);
		try {
			action.run();
		}
		catch (RejectedInput rejected) {
			return page(at, page, null, rejected, rejected.status());
		}
		String back = UriComponentsBuilder.fromPath("/moderation")
			.queryParam("tab", at.param())
			.queryParam("page", Math.max(1, page))
			.queryParam("done", done)
			.build()
			.toUriString();
		return new ModelAndView("redirect:" + back);
	}

	private ModelAndView page(QueueTab tab, int page, String notice, RejectedInput error, HttpStatus status) {
		var counts = queue.counts();
		List<QueueItem> items;
		List<HeldCluster> clusters;
		int pages;
		if (tab == QueueTab.PENDING) {
			// near-duplicates are one row each: the pending tab counts its pages in rows
			var pending = queue.pendingPage(page);
			items = pending.items();
			clusters = pending.clusters();
			pages = pending.pages();
		}
		else {
			items = queue.queue(tab, page);
			clusters = List.of();
			pages = Math.max(1, (counts.get(tab) + ModerationQueue.QUEUE_PAGE - 1) / ModerationQueue.QUEUE_PAGE);
		}
		var model = new QueueModel(tab, counts, items, queue.raidedThreads(), clusters, surges.surge().orElse(null),
				Math.max(1, page), pages, notice, error == null ? null : error.messageKey(),
				error == null ? new Object[0] : error.arguments());
		return PageModel.of("moderation/queue", model, status);
	}

}
