package org.veche.moderation.web;

import java.util.HashMap;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.veche.discussion.DiscussionProperties;
import org.veche.identity.SignedIn;
import org.veche.moderation.Moderation;
import org.veche.site.RejectedInput;

/**
 * Settings, Discussion: the rules every new comment meets, for administrators (the path is under /admin).
 */
@Controller
class DiscussionSettingsController {

	private final Moderation moderation;

	private final DiscussionProperties discussion;

	DiscussionSettingsController(Moderation moderation, DiscussionProperties discussion) {
		this.moderation = moderation;
		this.discussion = discussion;
	}

	@GetMapping("/admin/discussion")
	ModelAndView show(@RequestParam(required = false) String saved) {
		return page(SettingsForm.of(moderation.rules()), saved != null ? "moderation.settings.saved" : null, null,
				HttpStatus.OK);
	}

	@PostMapping("/admin/discussion")
	ModelAndView save(SettingsForm form, @AuthenticationPrincipal SignedIn by) {
		try {
			moderation.saveRules(form.toRules(discussion.maxLength()), by);
			return new ModelAndView("redirect:/admin/discussion?saved");
		}
		catch (RejectedInput rejected) {
			return page(form, null, rejected, rejected.status());
		}
	}

	private ModelAndView page(SettingsForm form, String notice, RejectedInput error, HttpStatus status) {
		var model = new HashMap<String, Object>();
		model.put("form", form);
		model.put("notice", notice);
		model.put("error", error == null ? null : error.messageKey());
		model.put("errorArgs", error == null ? new Object[0] : error.arguments());
		model.put("longest", discussion.maxLength());
		return new ModelAndView("moderation/settings", model, status);
	}

}
