package org.veche.embed.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.veche.site.Plurals;

/**
 * The words the embed script shows, from the site's message bundles in the reader's
 * language, so that the script itself holds no text of its own.
 */
@Component
class EmbedTexts {

	/** Keys the script looks up by name. */
	static final List<String> SCRIPT_KEYS = List.of("form.title", "form.note", "form.name", "form.email",
			"form.emailNote", "form.website", "form.comment", "form.submit", "form.logOut", "form.replyingTo",
			"form.cancelReply", "form.signInRequired", "thread.reply", "thread.like", "thread.unlike", "thread.none",
			"embed.ui.signIn", "embed.ui.more", "embed.ui.held", "embed.ui.failed", "embed.ui.openOnSite",
			"embed.ui.signingIn", "moderation.closed", "notify.form.legend", "notify.form.replies", "notify.form.all");

	private final MessageSource messages;

	EmbedTexts(MessageSource messages) {
		this.messages = messages;
	}

	Map<String, String> forScript(Locale locale) {
		var texts = new LinkedHashMap<String, String>();
		for (String key : SCRIPT_KEYS) {
			texts.put(key, t(locale, key));
		}
		return texts;
	}

	String t(Locale locale, String key, Object... args) {
		return messages.getMessage(key, args, key, locale);
	}

	String plural(Locale locale, String key, long n) {
		Object[] args = { n };
		String text = messages.getMessage(key + "." + Plurals.category(locale, n), args, null, locale);
		return text != null ? text : messages.getMessage(key + ".other", args, key, locale);
	}

	String likedBy(Locale locale, int likes) {
		return likes == 0 ? t(locale, "thread.likedBy.zero") : plural(locale, "thread.likedBy", likes);
	}

	String comments(Locale locale, long count) {
		return count == 0 ? t(locale, "thread.none") : plural(locale, "article.comments", count);
	}

}
