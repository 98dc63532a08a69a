package org.veche.privacy.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.veche.privacy.DataRequests;
import org.veche.privacy.DataRequests.Channel;
import org.veche.privacy.People;
import org.veche.site.PageModel;
import org.veche.site.RejectedInput;

/**
 * An administrator acting for a person who asked by other means (a letter, a phone call):
 * a copy of their data or its erasure, by e-mail address, and the audit of past requests,
 * which names no one.
 */
@Controller
class AdminDataController {

	private final DataRequests requests;

	private final People people;

	private final DataExports exports;

	AdminDataController(DataRequests requests, People people, DataExports exports) {
		this.exports = exports;
		this.requests = requests;
		this.people = people;
	}

	@GetMapping("/admin/privacy")
	ModelAndView page() {
		return page("", "", null, HttpStatus.OK);
	}

	@PostMapping(path = "/admin/privacy", params = "action=export")
	ModelAndView export(@RequestParam(defaultValue = "") String email, HttpServletResponse response)
			throws IOException {
		String address = email.strip().toLowerCase(Locale.ROOT);
		if (!DataExports.plausibleEmail(address)) {
			return page(email, "privacy.request.invalid", null, HttpStatus.BAD_REQUEST);
		}
		exports.write(requests.export(people.byEmail(address), Channel.ADMINISTRATOR), response);
		return null;
	}

	@PostMapping(path = "/admin/privacy", params = "action=erase")
	ModelAndView erase(@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String confirm) {
		String address = email.strip().toLowerCase(Locale.ROOT);
		if (!DataExports.plausibleEmail(address)) {
			return page(email, "privacy.request.invalid", null, HttpStatus.BAD_REQUEST);
		}
		if (!confirm.equals("yes")) {
			return page(email, "privacy.erase.confirmFirst", null, HttpStatus.BAD_REQUEST);
		}
		try {
			return page("", "", requests.erase(people.byEmail(address), Channel.ADMINISTRATOR), HttpStatus.OK);
		}
		catch (RejectedInput rejected) {
			return page(email, rejected.messageKey(), null, rejected.status());
		}
	}

	private ModelAndView page(String email, String error, java.util.Map<String, Integer> done, HttpStatus status) {
		return PageModel.of("privacy/admin", new AdminDataPage(email, error, done,
				requests.policy().name().toLowerCase(Locale.ROOT), requests.auditLines(50)), status);
	}

}
