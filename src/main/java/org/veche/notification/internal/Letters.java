package org.veche.notification.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.veche.site.PageModel;
import org.veche.site.Plurals;
import org.veche.site.SiteProperties;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

/**
 * Writes notification mail in the reader's language, as plain text and as HTML from one
 * model: an opening line, the items (a comment, an article, a digest's list), one action,
 * and a footer that says why the mail came with the links to unsubscribe and to manage
 * every notification.
 */
@Component
public class Letters {

	/** One thing the mail is about. @param excerpt a comment's text, or empty */
	public record Item(String headline, String excerpt, String url) {
	}

	/**
	 * What a mail says, in its reader's language.
	 *
	 * @param action the one button, or null for none
	 * @param outro a closing line, or null
	 */
	public record Letter(Locale language, String subject, String intro, List<Item> items, Action action, String outro,
			Footer footer) {
	}

	/** The mail's one button. @param label what it says */
	public record Action(String label, String url) {
	}

	/**
	 * Below the signature: why the reader gets the mail and the links to stop it.
	 *
	 * @param why why the reader gets it, or null
	 * @param unsubscribeUrl the one-click link of its subscription, or null
	 * @param manageUrl the link to every notification of the address, or null
	 */
	public record Footer(String why, String unsubscribeUrl, String manageUrl) {

		/** For a mail that belongs to no subscription yet, e.g. the confirmation. */
		public static final Footer NONE = new Footer(null, null, null);

	}

	/** The links' words in the mail's language. */
	public record Labels(String unsubscribe, String manage) {
	}

	/** The model of {@code notification/mail.jte}: the HTML part of one mail. */
	public record Mail(Letter letter, String siteName, Labels labels) {
	}

	/** A mail ready for the outbox. */
	public record Written(String subject, String text, String html) {
	}

	private final MessageSource messages;

	private final TemplateEngine templates;

	private final SiteProperties site;

	Letters(MessageSource messages, TemplateEngine templates, SiteProperties site) {
		this.messages = messages;
		this.templates = templates;
		this.site = site;
	}

	public String siteName() {
		return site.siteName();
	}

	/**
	 * A message of the bundles in the language; the site's name is always its first
	 * argument.
	 */
	public String t(Locale language, String key, Object... args) {
		Object[] all = new Object[args.length + 1];
		all[0] = site.siteName();
		System.arraycopy(args, 0, all, 1, args.length);
		return messages.getMessage(key, all, key, language);
	}

	/**
	 * A message with a count: key.one, .few, .many or .other by the language's plural
	 * rules; {1} is the count.
	 */
	public String plural(Locale language, String key, long n) {
		String text = messages.getMessage(key + "." + Plurals.category(language, n),
				new Object[] { site.siteName(), n }, null, language);
		return text != null ? text : t(language, key + ".other", n);
	}

	public Written write(Letter letter) {
		var labels = new Labels(t(letter.language(), "notify.mail.unsubscribe"),
				t(letter.language(), "notify.mail.manage"));
		var html = new StringOutput();
		templates.render("notification/mail.jte", Map.of(PageModel.NAME, new Mail(letter, site.siteName(), labels)),
				html);
		return new Written(letter.subject(), text(letter, labels), html.toString());
	}

	private String text(Letter letter, Labels labels) {
		var text = new StringBuilder(letter.intro()).append("\n\n");
		for (Item item : letter.items()) {
			text.append(item.headline()).append('\n');
			if (!item.excerpt().isEmpty()) {
				text.append(quote(item.excerpt())).append('\n');
			}
			text.append(item.url().isEmpty() ? "" : item.url() + "\n").append('\n');
		}
		if (letter.action() != null) {
			text.append(letter.action().label()).append(":\n").append(letter.action().url()).append("\n\n");
		}
		if (letter.outro() != null) {
			text.append(letter.outro()).append("\n\n");
		}
		text.append("-- \n").append(site.siteName()).append('\n');
		Footer footer = letter.footer();
		if (footer.why() != null) {
			text.append(footer.why()).append('\n');
		}
		if (footer.unsubscribeUrl() != null) {
			text.append(labels.unsubscribe()).append(": ").append(footer.unsubscribeUrl()).append('\n');
		}
		if (footer.manageUrl() != null) {
			text.append(labels.manage()).append(": ").append(footer.manageUrl()).append('\n');
		}
		return text.toString();
	}

	private static String quote(String excerpt) {
		return "> " + excerpt.strip().replace("\r", "").replace("\n", "\n> ");
	}

	/** The start of a comment's text, for a notification. */
	public static String excerpt(String body) {
		String text = body == null ? "" : body.strip();
		if (text.length() <= 600) {
			return text;
		}
		int end = Character.isHighSurrogate(text.charAt(596)) ? 596 : 597;
		return text.substring(0, end) + "…";
	}

}
