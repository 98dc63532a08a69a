package org.veche.moderation.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.veche.identity.SignedIn;
import org.veche.moderation.ModerationDesk;
import org.veche.moderation.ModerationLog;
import org.veche.site.PageModel;

/**
 * What moderators did (who, when, what), and the bans in force with a way to lift one.
 */
@Controller
class LogController {

	private final ModerationLog log;

	private final ModerationDesk desk;

	LogController(ModerationLog log, ModerationDesk desk) {
		this.log = log;
		this.desk = desk;
	}

	@GetMapping("/moderation/log")
	ModelAndView log(@RequestParam(defaultValue = "1") int page) {
		int pages = Math.max(1, (log.size() + ModerationLog.LOG_PAGE - 1) / ModerationLog.LOG_PAGE);
		return PageModel.of("moderation/log", new LogModel(log.actions(page), Math.max(1, page), pages));
	}

	@GetMapping("/moderation/bans")
	ModelAndView bans(@RequestParam(required = false) String lifted) {
		return PageModel.of("moderation/bans", new BansModel(log.bansInForce(), lifted != null));
	}

	@PostMapping("/moderation/bans/{id}/lift")
	String lift(@PathVariable long id, @AuthenticationPrincipal SignedIn by) {
		desk.lift(id, by);
		return "redirect:/moderation/bans?lifted";
	}

}
