package org.veche.moderation.web;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.veche.discussion.DiscussionProperties;
import org.veche.identity.SignedIn;
import org.veche.moderation.RuleBook;
import org.veche.moderation.SurgeWatch;
import org.veche.site.RejectedInput;
import org.veche.site.PageModel;

/**
 * Settings, Discussion: the rules every new comment meets, for administrators (the path
 * is under /admin).
 */
@Controller
class DiscussionSettingsController {

	private final RuleBook ruleBook;

	private final DiscussionProperties discussion;

	private final SurgeWatch surges;

	DiscussionSettingsController(RuleBook ruleBook, DiscussionProperties discussion, SurgeWatch surges) {
		this.ruleBook = ruleBook;
		this.discussion = discussion;
		this.surges = surges;
	}

	@GetMapping("/admin/discussion")
	ModelAndView show(@RequestParam(required = false) String saved) {
		return page(SettingsForm.of(ruleBook.rules()), saved != null ? "moderation.settings.saved" : null, null,
				HttpStatus.OK);
	}

	/** Surge mode's settings: a form of their own on the same page. */
	@PostMapping("/admin/discussion/surge")
	ModelAndView saveSurge(SurgeForm form, @AuthenticationPrincipal SignedIn by) {
		try {
			surges.saveRules(form.toRules(), by);
			return new ModelAndView("redirect:/admin/discussion?saved#surge");
		}
		catch (RejectedInput rejected) {
			var page = page(SettingsForm.of(ruleBook.rules()), null, rejected, rejected.status());
			page.addObject("surge", form);
			return page;
		}
	}

	@PostMapping("/admin/discussion")
	ModelAndView save(SettingsForm form, @AuthenticationPrincipal SignedIn by) {
		try {
			ruleBook.save(form.toRules(discussion.maxLength()), by);
			return new ModelAndView("redirect:/admin/discussion?saved");
		}
		catch (RejectedInput rejected) {
			return page(form, null, rejected, rejected.status());
		}
	}

	private ModelAndView page(SettingsForm form, String notice, RejectedInput error, HttpStatus status) {
		var model = new SettingsModel(form, notice, error == null ? null : error.messageKey(),
				error == null ? new Object[0] : error.arguments(), discussion.maxLength(),
				SurgeForm.of(surges.rules()));
		return PageModel.of("moderation/settings", model, status);
	}

}
