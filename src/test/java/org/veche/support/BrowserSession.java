package org.veche.support;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.jsoup.nodes.Document;

/**
 * A browser's view of the HTML site without a browser: it keeps the cookies the server
 * sets and sends them back, and it reads the CSRF token from the page that carries the
 * form, as a browser submitting it would.
 */
public final class BrowserSession {

	private static final String ACCEPT_HTML = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8";

	private final Http http;

	private final Map<String, String> cookies = new LinkedHashMap<>();

	public BrowserSession(Http http) {
		this.http = http;
	}

	/**
	 * Opens /login, posts the form with its token and returns the signed-in session;
	 * fails when refused.
	 */
	public static BrowserSession signIn(Http http, String email, String password) {
		var session = new BrowserSession(http);
		var login = session.get("/login");
		if (login.status() != 200) {
			throw new AssertionError("no sign-in page: " + login);
		}
		var signedIn = session.postForm("/login",
				Map.of("username", email, "password", password, "_csrf", csrfToken(login.html())));
		String location = signedIn.header("Location");
		if (signedIn.status() != 302 || location == null || location.contains("error")) {
			throw new AssertionError("sign-in refused: " + signedIn + " -> " + location);
		}
		return session;
	}

	/** The hidden CSRF field of the page's first form that has one. */
	public static String csrfToken(Document page) {
		var field = page.selectFirst("form input[type=hidden][name=_csrf]");
		if (field == null || field.attr("value").isBlank()) {
			throw new AssertionError("the page has no CSRF field: " + page.title());
		}
		return field.attr("value");
	}

	public Http.Response get(String path) {
		return keep(client().get(path));
	}

	public Http.Response postForm(String path, Map<String, String> fields) {
		return keep(client().postForm(path, fields));
	}

	/** A multipart form post, each value a String field or an {@link Http.FilePart}. */
	public Http.Response postMultipart(String path, Map<String, Object> parts) {
		return keep(client().postMultipart(path, parts));
	}

	public boolean hasCookie(String name) {
		return cookies.containsKey(name);
	}

	public String cookie(String name) {
		return cookies.get(name);
	}

	private Http client() {
		Http client = http.with("Accept", ACCEPT_HTML);
		if (!cookies.isEmpty()) {
			client = client.with("Cookie",
					cookies.entrySet()
						.stream()
						.map(e -> e.getKey() + "=" + e.getValue())
						.collect(Collectors.joining("; ")));
		}
		return client;
	}

	private Http.Response keep(Http.Response response) {
		for (String header : response.cookies()) {
			String pair = header.split(";", 2)[0];
			int eq = pair.indexOf('=');
			if (eq <= 0) {
				continue;
			}
			String name = pair.substring(0, eq).strip();
			String value = pair.substring(eq + 1).strip();
			boolean expired = header.toLowerCase(java.util.Locale.ROOT).contains("max-age=0") || value.isEmpty();
			if (expired) {
				cookies.remove(name);
			}
			else {
				cookies.put(name, value);
			}
		}
		return response;
	}

}
