package org.veche.moderation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for Akismet's cloud on loopback, speaking its wire protocol (REST API 1.1):
 * form-encoded POSTs to {@code /1.1/comment-check}, {@code /1.1/submit-spam} and
 * {@code /1.1/submit-ham}; "true" or "false" for a check, "invalid" with an
 * {@code X-akismet-debug-help} header for a wrong key, and Akismet's thanks for a
 * submission. As Akismet documents for testing, the author "viagra-test-123" is always
 * spam.
 */
final class AkismetServer {

	static final String KEY = "0123456789ab";

	record Call(String method, Map<String, String> form) {
	}

	final List<Call> calls = new CopyOnWriteArrayList<>();

	private final HttpServer server;

	AkismetServer() {
		try {
			server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		server.createContext("/1.1/", this::answer);
		server.start();
	}

	String endpoint() {
		return "http://127.0.0.1:" + server.getAddress().getPort() + "/1.1/";
	}

	private void answer(HttpExchange exchange) throws IOException {
		String method = exchange.getRequestURI().getPath().substring("/1.1/".length());
		Map<String, String> form = parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
		calls.add(new Call(method, form));
		String body;
		if (!"POST".equals(exchange.getRequestMethod()) || !KEY.equals(form.get("api_key"))
				|| form.get("blog") == null) {
			exchange.getResponseHeaders().add("X-akismet-debug-help", "We were unable to parse your blog URI or key");
			body = "invalid";
		}
		else {
			body = switch (method) {
				case "comment-check" -> String.valueOf("viagra-test-123".equals(form.get("comment_author")));
				case "submit-spam", "submit-ham" -> "Thanks for making the web a better place.";
				default -> "invalid";
			};
		}
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
		exchange.sendResponseHeaders(200, bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}

	private static Map<String, String> parse(String body) {
		var form = new LinkedHashMap<String, String>();
		for (String pair : body.split("&")) {
			int eq = pair.indexOf('=');
			if (eq > 0) {
				form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
						URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
			}
		}
		return form;
	}

}
