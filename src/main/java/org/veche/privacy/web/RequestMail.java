package org.veche.privacy.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import org.veche.site.Mailer;
import org.veche.site.SiteAddress;
import org.veche.site.SiteProperties;

/**
 * The message that carries a guest's single-use link, in the language of the page they
 * asked from. The link's host is veche.base-url when set, so a forged Host header cannot
 * send someone's data elsewhere.
 */
@Component
class RequestMail {

	private final Mailer mailer;

	private final MessageSource messages;

	private final SiteProperties site;

	private final SiteAddress address;

	RequestMail(Mailer mailer, MessageSource messages, SiteProperties site, SiteAddress address) {
		this.mailer = mailer;
		this.messages = messages;
		this.site = site;
		this.address = address;
	}

	void send(String to, String token, long minutes, Locale locale, HttpServletRequest request) {
		String link = address.absolute(request, "/privacy/request/" + token);
		Object[] args = { site.siteName(), minutes };
		String subject = messages.getMessage("privacy.mail.subject", args, locale);
		String body = messages.getMessage("privacy.mail.body", args, locale);
		String ignore = messages.getMessage("privacy.mail.ignore", args, locale);
		String text = body + "\n\n" + link + "\n\n" + ignore + "\n\n-- \n" + site.siteName() + "\n";
		String html = "<!DOCTYPE html><html lang=\"" + locale.getLanguage() + "\"><body><p>"
				+ HtmlUtils.htmlEscape(body) + "</p><p><a href=\"" + HtmlUtils.htmlEscape(link) + "\">"
				+ HtmlUtils.htmlEscape(link) + "</a></p><p>" + HtmlUtils.htmlEscape(ignore) + "</p></body></html>";
		mailer.send(new Mailer.Letter(to, subject, text, html));
	}

}
