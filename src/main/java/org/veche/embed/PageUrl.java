package org.veche.embed;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.veche.site.RejectedInput;

/**
 * A page's address written one way only, so that every spelling of one page finds the
 * same thread: scheme and host in lower case, no default port, no fragment, no trailing
 * slash (but the root's), no tracking parameters.
 *
 * @param url the normalised address
 * @param origin scheme, host and (non-default) port, as browsers send it in an Origin
 * header
 */
public record PageUrl(String url, String origin, String host) {

	static final int MAX_LENGTH = 2000;

	/** Parses and normalises an http(s) address; anything else is refused. */
	public static PageUrl of(String raw) {
		String text = raw == null ? "" : raw.strip();
		if (text.isEmpty() || text.length() > MAX_LENGTH || text.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
			throw new RejectedInput("embed.url.invalid");
		}
		URI uri;
		try {
			uri = new URI(text).normalize();
		}
		catch (URISyntaxException ex) {
			throw new RejectedInput("embed.url.invalid");
		}
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		if (!(scheme.equals("http") || scheme.equals("https")) || uri.getRawUserInfo() != null || uri.getHost() == null
				|| uri.getHost().isEmpty()) {
			throw new RejectedInput("embed.url.invalid");
		}
		String host = uri.getHost().toLowerCase(Locale.ROOT);
		if (host.endsWith(".")) {
			host = host.substring(0, host.length() - 1);
		}
		String origin = origin(scheme, host, uri.getPort());
		String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
		while (path.length() > 1 && path.endsWith("/")) {
			path = path.substring(0, path.length() - 1);
		}
		String query = query(uri.getRawQuery());
		return new PageUrl(origin + path + (query.isEmpty() ? "" : "?" + query), origin, host);
	}

	/**
	 * An origin as the owner types it ("https://Blog.example:443/") written as browsers
	 * send it.
	 */
	public static String origin(String raw) {
		PageUrl page = of(raw);
		if (!page.url().equals(page.origin() + "/")) {
			throw new RejectedInput("embed.origin.invalid");
		}
		return page.origin();
	}

	private static String origin(String scheme, String host, int port) {
		boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80)
				|| (scheme.equals("https") && port == 443);
		String shownHost = host.contains(":") ? "[" + host.replaceAll("^\\[|\\]$", "") + "]" : host;
		return scheme + "://" + shownHost + (defaultPort ? "" : ":" + port);
	}

	/**
	 * Campaign and click trackers name no page of their own: a shared link must find the
	 * same thread.
	 */
	private static String query(String raw) {
		if (raw == null || raw.isEmpty()) {
			return "";
		}
		return Arrays.stream(raw.split("&")).filter(part -> !part.isEmpty()).filter(part -> {
			String key = part.split("=", 2)[0].toLowerCase(Locale.ROOT);
			return !(key.startsWith("utm_") || key.equals("fbclid") || key.equals("gclid") || key.equals("mc_cid")
					|| key.equals("mc_eid"));
		}).collect(Collectors.joining("&"));
	}

}
