package org.veche.identity.internal;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;
import org.veche.site.Mailer;
import org.veche.site.SiteProperties;

/**
 * Writes the account messages in the reader's language, as text and as HTML with one
 * button-like link. Every message names the site; "{0}" is the site's name and "{1}" the
 * message's own detail.
 */
@Component
public class AccountMail {

	/**
	 * The kinds of message; each has mail.KIND.subject, .intro, .outro and, when it
	 * carries a link, .action.
	 */
	public enum Kind {

		VERIFY("verify"), EXISTS("exists"), RESET("reset"), CHANGE_EMAIL("changeEmail"),
		EMAIL_CHANGING("emailChanging"), EMAIL_TAKEN("emailTaken");

		private final String key;

		Kind(String key) {
			this.key = key;
		}

	}

	private final Mailer mailer;

	private final MessageSource messages;

	private final SiteProperties site;

	AccountMail(Mailer mailer, MessageSource messages, SiteProperties site) {
		this.mailer = mailer;
		this.messages = messages;
		this.site = site;
	}

	/**
	 * @param link the absolute link the reader should follow, or null for a notice
	 */
	public void send(String to, Kind kind, Locale locale, String detail, String link) {
		Object[] args = { site.siteName(), detail == null ? "" : detail };
		String prefix = "mail." + kind.key + ".";
		String subject = messages.getMessage(prefix + "subject", args, locale);
		String intro = messages.getMessage(prefix + "intro", args, locale);
		String outro = messages.getMessage(prefix + "outro", args, locale);
		String signature = messages.getMessage("mail.signature", args, locale);
		var text = new StringBuilder(intro).append("\n\n");
		var html = new StringBuilder("<!DOCTYPE html><html lang=\"").append(locale.getLanguage())
			.append("\"><body style=\"font-family:sans-serif;line-height:1.5\"><p>")
			.append(HtmlUtils.htmlEscape(intro))
			.append("</p>");
		if (link != null) {
			String action = messages.getMessage(prefix + "action", args, locale);
			text.append(link).append("\n\n");
			html.append("<p><a href=\"")
				.append(HtmlUtils.htmlEscape(link))
				.append("\" style=\"display:inline-block;padding:.5em 1em;background:#1a4d8f;color:#fff;text-decoration:none\">")
				.append(HtmlUtils.htmlEscape(action))
				.append("</a></p>");
		}
		text.append(outro).append("\n\n-- \n").append(signature).append('\n');
		html.append("<p>")
			.append(HtmlUtils.htmlEscape(outro))
			.append("</p><p>")
			.append(HtmlUtils.htmlEscape(signature))
			.append("</p></body></html>");
		mailer.send(new Mailer.Letter(to, subject, text.toString(), html.toString()));
	}

}
