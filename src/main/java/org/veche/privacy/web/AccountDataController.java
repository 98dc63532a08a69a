package org.veche.privacy.web;

import jakarta.servlet.ServletException;
import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.veche.privacy.DataRequests;
import org.veche.privacy.DataRequests.Channel;
import org.veche.privacy.People;
import org.veche.privacy.Person;
import org.veche.site.Reader;
import org.veche.site.PageModel;
import org.veche.site.RejectedInput;

/**
 * A signed-in reader's own data: a copy as JSON, or erasure of everything, the account
 * last.
 */
@Controller
class AccountDataController {

	private final DataRequests requests;

	private final People people;

	private final DataExports exports;

	AccountDataController(DataRequests requests, People people, DataExports exports) {
		this.exports = exports;
		this.requests = requests;
		this.people = people;
	}

	@GetMapping("/account/data")
	ModelAndView page(@AuthenticationPrincipal Reader reader) {
		return page("", HttpStatus.OK);
	}

	@PostMapping("/account/data/export")
	void export(@AuthenticationPrincipal Reader reader, HttpServletResponse response) throws IOException {
		exports.write(requests.export(person(reader), Channel.ACCOUNT), response);
	}

	@PostMapping("/account/data/erase")
	ModelAndView erase(@AuthenticationPrincipal Reader reader, @RequestParam(defaultValue = "") String confirm,
			HttpServletRequest request) throws ServletException {
		if (!confirm.equals("yes")) {
			return page("privacy.erase.confirmFirst", HttpStatus.BAD_REQUEST);
		}
		try {
			var done = requests.erase(person(reader), Channel.ACCOUNT);
			request.logout();
			return GuestRequestController.erased(done);
		}
		catch (RejectedInput rejected) {
			return page(rejected.messageKey(), rejected.status());
		}
	}

	private Person person(Reader reader) {
		return people.ofAccount(reader.accountId())
			.orElseThrow(() -> new RejectedInput(HttpStatus.NOT_FOUND, "privacy.noAccount"));
	}

	private ModelAndView page(String error, HttpStatus status) {
		return PageModel.of("privacy/account",
				new AccountDataPage(error, requests.policy().name().toLowerCase(java.util.Locale.ROOT)), status);
	}

}
