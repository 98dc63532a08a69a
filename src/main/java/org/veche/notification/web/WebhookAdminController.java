package org.veche.notification.web;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.veche.identity.SignedIn;
import org.veche.notification.internal.Webhooks;
import org.veche.site.PageModel;
import org.veche.site.RejectedInput;

/**
 * Settings, Webhooks: the addresses told of new, held and decided comments, with their
 * signing secrets, for administrators (the path is under /admin).
 */
@Controller
class WebhookAdminController {

	private final Webhooks webhooks;

	WebhookAdminController(Webhooks webhooks) {
		this.webhooks = webhooks;
	}

	@GetMapping("/admin/webhooks")
	ModelAndView show(@RequestParam(required = false) String done) {
		return page("", false, done == null ? "" : "webhook.admin.done." + done, null, HttpStatus.OK);
	}

	@PostMapping("/admin/webhooks")
	ModelAndView register(@RequestParam(defaultValue = "") String url,
			@RequestParam(defaultValue = "false") boolean allowPrivate, @AuthenticationPrincipal SignedIn by) {
		try {
			webhooks.register(url, allowPrivate, by.accountId());
			return new ModelAndView("redirect:/admin/webhooks?done=added");
		}
		catch (RejectedInput rejected) {
			return page(url, allowPrivate, "", rejected, rejected.status());
		}
	}

	@PostMapping("/admin/webhooks/{id}/remove")
	ModelAndView remove(@PathVariable long id) {
		try {
			webhooks.remove(id);
			return new ModelAndView("redirect:/admin/webhooks?done=removed");
		}
		catch (RejectedInput rejected) {
			return page("", false, "", rejected, rejected.status());
		}
	}

	private ModelAndView page(String url, boolean allowPrivate, String notice, RejectedInput error, HttpStatus status) {
		return PageModel.of("notification/webhooks", new WebhooksPage(webhooks.all(), url, allowPrivate, notice, error),
				status);
	}

}
