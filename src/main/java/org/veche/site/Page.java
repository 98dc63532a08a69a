package org.veche.site;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.util.UriComponentsBuilder;

import gg.jte.Content;
import gg.jte.support.LocalizationSupport;

/**
 * Everything a template needs besides its own data: the reader's language, who is signed
 * in, the CSRF token when a session exists, and how the site formats dates.
 *
 * @param locale the language the page is rendered in
 * @param messages the site's message bundles
 * @param siteName the site's name as the owner set it
 * @param zone the site's time zone
 * @param reader who is signed in, or null
 * @param csrf the CSRF token, or null when the request has no session (guests act without
 * a session)
 * @param path the request path with its query, for the language switch and sign-in return
 */
public record Page(Locale locale, MessageSource messages, String siteName, ZoneId zone, Reader reader, CsrfToken csrf,
		String path) implements LocalizationSupport {

	public static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.forLanguageTag("ru"),
			Locale.forLanguageTag("uk"));

	@Override
	public String lookup(String key) {
		return messages.getMessage(key, null, key, locale);
	}

	/** A message with arguments, as plain text for the template to escape. */
	public String t(String key, Object... args) {
		if (args.length == 0) {
			return messages.getMessage(key, null, key, locale);
		}
		String pattern = messages.getMessage(key, null, null, locale);
		return pattern == null ? key : MessageFormats.format(pattern, locale, args);
	}

	/**
	 * A message with a number that picks the plural form: key.one, key.few, key.many or
	 * key.other.
	 */
	public String plural(String key, long n) {
		Object[] args = { n };
		String pattern = messages.getMessage(key + "." + Plurals.category(locale, n), null, null, locale);
		if (pattern == null) {
			pattern = messages.getMessage(key + ".other", null, null, locale);
		}
		return pattern == null ? key : MessageFormats.format(pattern, locale, args);
	}

	/**
	 * The message of one plural category with "{n}" in place of the number, for scripts
	 * that pick the form themselves (Intl.PluralRules); a language without that category
	 * gets its "other" form.
	 */
	public String pluralPattern(String key, String category) {
		Object[] args = { "{n}" };
		String pattern = messages.getMessage(key + "." + category, null, null, locale);
		if (pattern == null) {
			pattern = messages.getMessage(key + ".other", null, null, locale);
		}
		return pattern == null ? key : MessageFormats.format(pattern, locale, args);
	}

	public String dateTime(Instant instant) {
		return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
			.withLocale(locale)
			.withZone(zone)
			.format(instant);
	}

	public String date(Instant instant) {
		return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).withZone(zone).format(instant);
	}

	public String isoDateTime(Instant instant) {
		return DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(zone).format(instant);
	}

	public boolean signedIn() {
		return reader != null;
	}

	public boolean staff() {
		return reader != null && reader.isStaff();
	}

	public boolean writer() {
		return reader != null && reader.writes();
	}

	public boolean moderator() {
		return reader != null && reader.moderates();
	}

	public boolean administrator() {
		return reader != null && reader.isAdministrator();
	}

	public String language() {
		return locale.getLanguage();
	}

	/** The current page in another language. */
	public String inLanguage(Locale other) {
		return UriComponentsBuilder.fromUriString(path)
			.replaceQueryParam("lang", other.getLanguage())
			.build()
			.toUriString();
	}

	public String tagPath(String tag) {
		return "/tags/"
				+ org.springframework.web.util.UriUtils.encodePathSegment(tag, java.nio.charset.StandardCharsets.UTF_8);
	}

	public String languageName(Locale other) {
		return other.getDisplayLanguage(other);
	}

	/** The hidden CSRF field for forms, empty for a reader without a session. */
	public Content csrfField() {
		return output -> {
			if (csrf != null) {
				output.writeContent("<input type=\"hidden\" name=\"");
				output.writeUserContent(csrf.getParameterName());
				output.writeContent("\" value=\"");
				output.writeUserContent(csrf.getToken());
				output.writeContent("\">");
			}
		};
	}

}
