package org.veche.identity.web;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.veche.identity.Identity;
import org.veche.identity.SignedIn;
import org.veche.site.PageModel;
import org.veche.site.RejectedInput;

/**
 * Personal API tokens for any signed-in account: make one with a name (shown once), see
 * when each was last used, revoke it.
 */
@Controller
class AccountTokensController {

	private final Identity identity;

	AccountTokensController(Identity identity) {
		this.identity = identity;
	}

	/**
	 * The new token arrives once as a flash attribute from the redirect after making it,
	 * and never again.
	 */
	@GetMapping("/account/tokens")
	ModelAndView tokens(@AuthenticationPrincipal SignedIn me, @RequestParam(required = false) String revoked,
			Model flash) {
		String created = (String) flash.getAttribute("createdToken");
		return page(me, "", created, revoked != null ? "tokens.revoked" : null, null, HttpStatus.OK);
	}

	@PostMapping("/account/tokens")
	ModelAndView create(@AuthenticationPrincipal SignedIn me, @RequestParam(defaultValue = "") String name,
			RedirectAttributes redirect) {
		try {
			redirect.addFlashAttribute("createdToken", identity.createToken(me.accountId(), name));
		}
		catch (RejectedInput rejected) {
			return page(me, name, null, null, rejected, HttpStatus.UNPROCESSABLE_CONTENT);
		}
		return new ModelAndView("redirect:/account/tokens");
	}

	@PostMapping("/account/tokens/{id}/revoke")
	ModelAndView revoke(@AuthenticationPrincipal SignedIn me, @PathVariable long id) {
		try {
			identity.revokeToken(me.accountId(), id);
		}
		catch (RejectedInput rejected) {
			return page(me, "", null, null, rejected, rejected.status());
		}
		return new ModelAndView("redirect:/account/tokens?revoked");
	}

	private ModelAndView page(SignedIn me, String name, String created, String notice, RejectedInput error,
			HttpStatus status) {
		return PageModel.of("identity/tokens",
				new TokensPage(identity.tokens(me.accountId()), name, created, notice, error), status);
	}

}
