package org.veche.privacy.web;

import java.util.Locale;
import java.util.Map;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.veche.privacy.DataRequests;
import org.veche.privacy.DataRequests.Channel;
import org.veche.privacy.PrivacyProperties;
import org.veche.site.PageModel;

/**
 * A guest's way to their data: they give an address, the site mails a single-use link to
 * it, and the link's page offers a copy or erasure. The first page answers the same
 * whether or not the site knows the address; opening the link changes nothing (mail
 * scanners open links), only the button on its page does.
 */
@Controller
class GuestRequestController {

	private final DataRequests requests;

	private final RequestMail mail;

	private final PrivacyProperties settings;

	private final DataExports exports;

	GuestRequestController(DataRequests requests, RequestMail mail, PrivacyProperties settings, DataExports exports) {
		this.exports = exports;
		this.requests = requests;
		this.mail = mail;
		this.settings = settings;
	}

	@GetMapping("/privacy/request")
	ModelAndView form() {
		return ask("", "", false, HttpStatus.OK);
	}

	@PostMapping("/privacy/request")
	ModelAndView ask(@RequestParam(defaultValue = "") String email, HttpServletRequest request) {
		String address = email.strip().toLowerCase(Locale.ROOT);
		if (!DataExports.plausibleEmail(address)) {
			return ask(email, "privacy.request.invalid", false, HttpStatus.BAD_REQUEST);
		}
		requests.issueLink(address)
			.ifPresent(token -> mail.send(address, token, settings.linkLifetime().toMinutes(),
					RequestContextUtils.getLocale(request), request));
		return ask("", "", true, HttpStatus.OK);
	}

	@GetMapping("/privacy/request/{token}")
	ModelAndView link(@PathVariable String token) {
		boolean valid = requests.linkOwner(token).isPresent();
		return PageModel.of("privacy/choose",
				new ChoosePage(token, valid, requests.policy().name().toLowerCase(Locale.ROOT), ""),
				valid ? HttpStatus.OK : HttpStatus.GONE);
	}

	@PostMapping(path = "/privacy/request/{token}", params = "action=export")
	ModelAndView export(@PathVariable String token, HttpServletResponse response) throws IOException {
		var person = requests.redeem(token);
		if (person.isEmpty()) {
			return expired();
		}
		exports.write(requests.export(person.get(), Channel.GUEST_LINK), response);
		return null;
	}

	@PostMapping(path = "/privacy/request/{token}", params = "action=erase")
	ModelAndView erase(@PathVariable String token, @RequestParam(defaultValue = "") String confirm) {
		if (!confirm.equals("yes")) {
			return PageModel.of("privacy/choose",
					new ChoosePage(token, requests.linkOwner(token).isPresent(),
							requests.policy().name().toLowerCase(Locale.ROOT), "privacy.erase.confirmFirst"),
					HttpStatus.BAD_REQUEST);
		}
		return requests.redeem(token)
			.map(person -> erased(requests.erase(person, Channel.GUEST_LINK)))
			.orElseGet(this::expired);
	}

	private ModelAndView expired() {
		return PageModel.of("privacy/choose", new ChoosePage("", false, "", ""), HttpStatus.GONE);
	}

	static ModelAndView erased(Map<String, Integer> done) {
		return PageModel.of("privacy/erased", new ErasedPage(done), HttpStatus.OK);
	}

	private static ModelAndView ask(String email, String error, boolean sent, HttpStatus status) {
		return PageModel.of("privacy/ask", new AskPage(email, error, sent), status);
	}

}
