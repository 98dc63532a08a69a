package org.veche.notification.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.veche.identity.SignedIn;
import org.veche.notification.Cadence;
import org.veche.notification.Notifications;
import org.veche.notification.Notifications.ArticlesWanted;
import org.veche.notification.Notifications.Change;
import org.veche.notification.Topic;
import org.veche.site.PageModel;
import org.veche.site.RejectedInput;

/**
 * The pages behind the links in notification mail, and the form for new articles by mail.
 * A link's GET only shows what it would do; the change is a POST, so that a mail scanner
 * following links changes nothing. The unsubscribe POST is RFC 8058's one-click target
 * too: no session, no CSRF token, and the same answer however often it comes.
 */
@Controller
class NotificationPages {

	private final Notifications notifications;

	NotificationPages(Notifications notifications) {
		this.notifications = notifications;
	}

	@GetMapping("/notifications/articles")
	ModelAndView articlesForm(@AuthenticationPrincipal SignedIn signedIn) {
		return articles(signedIn == null ? "" : signedIn.account().email(), Cadence.INSTANT, null, HttpStatus.OK);
	}

	@PostMapping("/notifications/articles")
	ModelAndView articles(@RequestParam(defaultValue = "") String email,
			@RequestParam(defaultValue = "instant") String cadence, @AuthenticationPrincipal SignedIn signedIn,
			Locale locale) {
		Cadence chosen = Cadence.parse(cadence).orElse(Cadence.INSTANT);
		try {
			boolean on = notifications.askForArticles(
					new ArticlesWanted(email, chosen, locale, signedIn == null ? null : signedIn.account()));
			return notice("notify.articles.title", on ? "notify.articles.done" : "notify.articles.sent", email.strip(),
					HttpStatus.OK);
		}
		catch (RejectedInput rejected) {
			return articles(email, chosen, rejected.messageKey(), HttpStatus.UNPROCESSABLE_CONTENT);
		}
	}

	@GetMapping("/notifications/confirm/{ids}/{signature}")
	ModelAndView confirmPage(@PathVariable String ids, @PathVariable String signature, Locale locale) {
		return notifications.toConfirm(ids, signature, locale)
			.map(found -> PageModel.of("notification/confirm",
					new ConfirmPage(found, "/notifications/confirm/" + ids + "/" + signature)))
			.orElseGet(NotificationPages::failed);
	}

	@PostMapping("/notifications/confirm/{ids}/{signature}")
	ModelAndView confirm(@PathVariable String ids, @PathVariable String signature) {
		return notifications.confirm(ids, signature)
				? notice("notify.confirm.title", "notify.confirm.done", "", HttpStatus.OK) : failed();
	}

	@GetMapping("/notifications/unsubscribe/{id}/{signature}")
	ModelAndView unsubscribePage(@PathVariable long id, @PathVariable String signature, Locale locale) {
		return notifications.toUnsubscribe(id, signature, locale)
			.map(found -> found
				.map(described -> PageModel.of("notification/unsubscribe",
						new UnsubscribePage(described.description(),
								"/notifications/unsubscribe/" + id + "/" + signature)))
				.orElseGet(() -> notice("notify.unsubscribe.title", "notify.unsubscribe.done", "", HttpStatus.OK)))
			.orElseGet(NotificationPages::failed);
	}

	/**
	 * The reader's button and the mail client's one-click POST (body
	 * List-Unsubscribe=One-Click) alike.
	 */
	@PostMapping("/notifications/unsubscribe/{id}/{signature}")
	ModelAndView unsubscribe(@PathVariable long id, @PathVariable String signature) {
		return notifications.unsubscribe(id, signature)
				? notice("notify.unsubscribe.title", "notify.unsubscribe.done", "", HttpStatus.OK) : failed();
	}

	@GetMapping("/notifications/manage/{readerId}/{signature}")
	ModelAndView manage(@PathVariable long readerId, @PathVariable String signature,
			@RequestParam(required = false) String saved, Locale locale) {
		return notifications.overview(readerId, signature, locale)
			.map(overview -> PageModel.of("notification/manage", new ManagePage(overview, saved != null)))
			.orElseGet(NotificationPages::failed);
	}

	@PostMapping("/notifications/manage/{readerId}/{signature}")
	ModelAndView change(@PathVariable long readerId, @PathVariable String signature,
			@RequestParam Map<String, String> form) {
		Change change;
		if (form.containsKey("end")) {
			change = new Change.End(parseLong(form.get("end")));
		}
		else if (form.containsKey("endAll")) {
			change = new Change.EndAll();
		}
		else if (form.containsKey("add")) {
			change = new Change.Add(Topic.parse(form.get("add")).orElse(Topic.ARTICLES),
					Cadence.parse(form.getOrDefault("cadence", "instant")).orElse(Cadence.INSTANT));
		}
		else {
			var cadences = new LinkedHashMap<Long, Cadence>();
			form.forEach((name, value) -> {
				if (name.startsWith("cadence-")) {
					Cadence.parse(value)
						.ifPresent(c -> cadences.put(parseLong(name.substring("cadence-".length())), c));
				}
			});
			change = new Change.Cadences(cadences);
		}
		try {
			notifications.change(readerId, signature, change);
		}
		catch (RejectedInput rejected) {
			return rejected.status() == HttpStatus.NOT_FOUND ? failed()
					: notice("notify.manage.title", rejected.messageKey(), "", rejected.status());
		}
		return new ModelAndView("redirect:/notifications/manage/" + readerId + "/" + signature + "?saved");
	}

	/** From the account page: the same page for the account's own address. */
	@GetMapping("/account/notifications")
	String account(@AuthenticationPrincipal SignedIn signedIn, Locale locale) {
		return "redirect:" + notifications.managePath(signedIn.account(), locale);
	}

	private static long parseLong(String value) {
		try {
			return Long.parseLong(value);
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	private static ModelAndView articles(String email, Cadence cadence, String error, HttpStatus status) {
		return PageModel.of("notification/articles", new ArticlesPage(email, cadence, error == null ? "" : error),
				status);
	}

	private static ModelAndView failed() {
		return notice("notify.link.title", "notify.link.failed", "", HttpStatus.BAD_REQUEST);
	}

	private static ModelAndView notice(String title, String message, String argument, HttpStatus status) {
		return PageModel.of("notification/notice", new NoticePage(title, message, argument), status);
	}

}
