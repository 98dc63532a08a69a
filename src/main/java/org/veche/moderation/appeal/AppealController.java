package org.veche.moderation.appeal;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;
import org.veche.discussion.GuestCookies;
import org.veche.identity.SignedIn;
import org.veche.site.RejectedInput;
import org.veche.site.PageModel;

/**
 * The author's page about their held or removed comment ({@code /comments/{id}/why},
 * linked from the comment where they see it): why, in plain words, the moderators'
 * decision, and the one appeal, a plain form. Anyone else gets 404, as for a comment that
 * does not exist.
 */
@Controller
class AppealController {

	private final AppealDesk desk;

	private final GuestCookies cookies;

	AppealController(AppealDesk desk, GuestCookies cookies) {
		this.desk = desk;
		this.cookies = cookies;
	}

	@GetMapping("/comments/{id}/why")
	ModelAndView why(@PathVariable long id, @RequestParam(required = false) String appealed,
			@AuthenticationPrincipal SignedIn signedIn, HttpServletRequest request) {
		return view(id, author(signedIn, request), appealed != null ? "appeal.filed" : null, null, "", HttpStatus.OK);
	}

	@PostMapping("/comments/{id}/appeal")
	ModelAndView appeal(@PathVariable long id, @RequestParam(defaultValue = "") String message,
			@AuthenticationPrincipal SignedIn signedIn, HttpServletRequest request) {
		AppealDesk.Author author = author(signedIn, request);
		try {
			desk.file(id, author, message);
			return new ModelAndView("redirect:/comments/" + id + "/why?appealed");
		}
		catch (RejectedInput rejected) {
			if (rejected.status() == HttpStatus.NOT_FOUND) {
				throw new ResponseStatusException(HttpStatus.NOT_FOUND);
			}
			return view(id, author, null, rejected, message, rejected.status());
		}
	}

	private ModelAndView view(long id, AppealDesk.Author author, String notice, RejectedInput error, String message,
			HttpStatus status) {
		var view = desk.forAuthor(id, author).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		var model = new WhyModel(view, notice, error == null ? null : error.messageKey(),
				error == null ? new Object[0] : error.arguments(), message);
		return PageModel.of("moderation/why", model, status);
	}

	private AppealDesk.Author author(SignedIn signedIn, HttpServletRequest request) {
		return signedIn != null ? new AppealDesk.Author(signedIn.accountId(), java.util.List.of())
				: new AppealDesk.Author(null, cookies.heldIds(request));
	}

}
