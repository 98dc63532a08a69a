package org.veche.identity.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;
import org.veche.identity.Identity;
import org.veche.identity.Role;
import org.veche.identity.SignedIn;
import org.veche.identity.internal.AccountAdministration;
import org.veche.site.PageModel;
import org.veche.site.RejectedInput;

/**
 * The administrator's pages: the settings overview with the sign-in providers, and the
 * users with their roles.
 */
@Controller
class AdminController {

	static final int USERS_PAGE = 50;

	private final Identity identity;

	private final AccountAdministration administration;

	private final ObjectProvider<ClientRegistrationRepository> registrations;

	AdminController(Identity identity, AccountAdministration administration,
			ObjectProvider<ClientRegistrationRepository> registrations) {
		this.identity = identity;
		this.administration = administration;
		this.registrations = registrations;
	}

	@GetMapping("/admin")
	ModelAndView settings() {
		String base = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
		var providers = new ArrayList<SignInProvider>();
		// Spring's repository exists only when at least one registration is configured
		if (registrations.getIfAvailable() instanceof Iterable<?> configured) {
			for (Object each : configured) {
				if (each instanceof ClientRegistration r) {
					var details = r.getProviderDetails();
					String where = details.getIssuerUri() != null ? details.getIssuerUri()
							: details.getAuthorizationUri();
					providers.add(new SignInProvider(r.getRegistrationId(), r.getClientName(), where,
							base + "/login/oauth2/code/" + r.getRegistrationId()));
				}
			}
		}
		return PageModel.of("identity/admin", new AdminSettingsPage(providers, base));
	}

	@GetMapping("/admin/users")
	ModelAndView users(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "1") int page,
			@RequestParam(required = false) String changed) {
		return list(q, page, changed != null ? "admin.users.changed" : null, null, HttpStatus.OK);
	}

	@PostMapping("/admin/users/{id}/role")
	ModelAndView role(@PathVariable long id, @RequestParam(defaultValue = "") String role,
			@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "1") int page,
			@AuthenticationPrincipal SignedIn by) {
		return change(q, page, () -> administration.changeRole(by, id, parse(role)));
	}

	@PostMapping("/admin/users/{id}/suspend")
	ModelAndView suspend(@PathVariable long id, @RequestParam(defaultValue = "") String q,
			@RequestParam(defaultValue = "1") int page, @AuthenticationPrincipal SignedIn by) {
		return change(q, page, () -> administration.suspend(by, id));
	}

	@PostMapping("/admin/users/{id}/unsuspend")
	ModelAndView unsuspend(@PathVariable long id, @RequestParam(defaultValue = "") String q,
			@RequestParam(defaultValue = "1") int page, @AuthenticationPrincipal SignedIn by) {
		return change(q, page, () -> administration.unsuspend(by, id));
	}

	private ModelAndView change(String q, int page, Runnable change) {
		try {
			change.run();
		}
		catch (RejectedInput rejected) {
			return list(q, page, null, rejected, rejected.status());
		}
		String back = UriComponentsBuilder.fromPath("/admin/users")
			.queryParam("q", q)
			.queryParam("page", page)
			.queryParam("changed")
			.encode()
			.build()
			.toUriString();
		return new ModelAndView("redirect:" + back);
	}

	private static Role parse(String role) {
		try {
			return Role.valueOf(role.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new RejectedInput("admin.role.invalid");
		}
	}

	private ModelAndView list(String q, int page, String notice, RejectedInput error, HttpStatus status) {
		return PageModel.of("identity/users",
				new UsersPage(identity.accounts(q, page, USERS_PAGE), q, List.of(Role.values()), notice, error),
				status);
	}

}
