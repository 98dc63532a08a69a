package org.veche.importer.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One spelling for an old address, whether it comes from the export
 * ("https://blog.example/2010/07/do-you-rp/") or from a reader's request
 * ("/2010/07/Do-You-RP"): the decoded path in lower case without the trailing slash, and
 * of the query only what WordPress resolves by id (?p=100, ?page_id=7, ?attachment_id=3).
 * The host is dropped: the domain moves to the new site.
 */
public final class OldAddresses {

	private static final Pattern BY_ID = Pattern.compile("(?:^|&)(p|page_id|attachment_id)=([0-9]+)(?:&|$)");

	private OldAddresses() {
	}

	/** From a full URL in an export. */
	static Optional<String> ofUrl(String url) {
		try {
			URI uri = new URI(url == null ? "" : url.strip());
			if (uri.getRawPath() == null) {
				return Optional.empty();
			}
			return of(uri.getRawPath(), uri.getRawQuery());
		}
		catch (URISyntaxException ex) {
			return Optional.empty();
		}
	}

	/**
	 * From a request's raw path and query; empty for the front page itself, which is
	 * never redirected.
	 */
	public static Optional<String> of(String rawPath, String rawQuery) {
		String path;
		try {
			path = URLDecoder.decode((rawPath == null ? "" : rawPath).replace("+", "%2B"), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
		path = path.toLowerCase(Locale.ROOT).replaceAll("/+$", "");
		if (path.equals("/index.php")) {
			path = "";
		}
		String byId = "";
		if (rawQuery != null) {
			Matcher id = BY_ID.matcher(rawQuery);
			if (id.find()) {
				byId = "?" + id.group(1) + "=" + id.group(2);
			}
		}
		String key = (path.isEmpty() ? "/" : path) + byId;
		if (key.equals("/") || key.length() > 1000) {
			return Optional.empty();
		}
		return Optional.of(key);
	}

}
