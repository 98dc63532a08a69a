package org.veche.moderation.appeal;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.veche.identity.SignedIn;
import org.veche.site.RejectedInput;
import org.veche.site.PageModel;

/**
 * The moderators' queue of appeals ({@code /moderation/appeals}, moderators only by the
 * rules on {@code /moderation/**}): open ones oldest first with the comment, why it was
 * held, the decision and the author's message; answered ones newest first. Uphold or
 * reverse are plain form posts.
 */
@Controller
class AppealQueueController {

	private final AppealDesk desk;

	AppealQueueController(AppealDesk desk) {
		this.desk = desk;
	}

	@GetMapping("/moderation/appeals")
	ModelAndView queue(@RequestParam(defaultValue = "open") String tab, @RequestParam(defaultValue = "1") int page,
			@RequestParam(required = false) String done) {
		return page(!"answered".equals(tab), page, done != null ? "appeal.queue.done" : null, null, HttpStatus.OK);
	}

	@PostMapping("/moderation/appeals/{id}/decide")
	ModelAndView decide(@PathVariable long id, @RequestParam(defaultValue = "") String outcome,
			@AuthenticationPrincipal SignedIn by) {
		try {
			AppealOutcome chosen = AppealOutcome.parse(outcome)
				.orElseThrow(() -> new RejectedInput("appeal.badOutcome"));
			desk.decide(id, chosen, by);
			return new ModelAndView("redirect:/moderation/appeals?done");
		}
		catch (RejectedInput rejected) {
			return page(true, 1, null, rejected, rejected.status());
		}
	}

	private ModelAndView page(boolean open, int page, String notice, RejectedInput error, HttpStatus status) {
		int number = Math.max(1, page);
		var model = new AppealsModel(open, desk.queue(open, number), desk.count(true), desk.count(false), number,
				Math.max(1, (desk.count(open) + AppealDesk.PAGE - 1) / AppealDesk.PAGE), notice,
				error == null ? null : error.messageKey());
		return PageModel.of("moderation/appeals", model, status);
	}

}
