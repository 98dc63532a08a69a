package org.veche.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small HTTP client for tests against the running server: real requests, no redirects
 * followed, no cookie kept unless a test passes it on, so that each test sees exactly
 * what a reader's browser would.
 */
public final class Http {

	public static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient CLIENT = HttpClient.newBuilder()
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	private final String base;

	private final Map<String, String> headers = new LinkedHashMap<>();

	public Http(int port) {
		this.base = "http://localhost:" + port;
	}

	private Http(String base, Map<String, String> headers) {
		this.base = base;
		this.headers.putAll(headers);
	}

	/** The same client with one more header on every request. */
	public Http with(String name, String value) {
		var copy = new Http(base, headers);
		copy.headers.put(name, value);
		return copy;
	}

	public Http bearer(String token) {
		return with("Authorization", "Bearer " + token);
	}

	/**
	 * Requests as if from another network address (the server trusts X-Forwarded-For from
	 * loopback).
	 */
	public Http from(String address) {
		return with("X-Forwarded-For", address);
	}

	public String url(String path) {
		return base + path;
	}

	public Response get(String path) {
		return send(request(path).GET());
	}

	public Response postJson(String path, Object body) {
		return send(request(path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
	}

	public Response delete(String path) {
		return send(request(path).DELETE());
	}

	/**
	 * What a browser sends before a cross-origin request it must ask about (a CORS
	 * preflight).
	 */
	public Response options(String path) {
		return send(request(path).method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
	}

	public Response postForm(String path, Map<String, String> fields) {
		String body = fields.entrySet()
			.stream()
			.map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
			.collect(Collectors.joining("&"));
		return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	/**
	 * A multipart/form-data POST: each value is a String field, a {@link FilePart}, or a
	 * list of them.
	 */
	public Response postMultipart(String path, Map<String, Object> parts) {
		String boundary = "veche" + UUID.randomUUID();
		var chunks = new ArrayList<byte[]>();
		var flat = new ArrayList<Map.Entry<String, Object>>();
		for (var part : parts.entrySet()) {
			// a list is several parts of one name: a file input with several files chosen
			if (part.getValue() instanceof List<?> values) {
				values.forEach(value -> flat.add(Map.entry(part.getKey(), value)));
			}
			else {
				flat.add(Map.entry(part.getKey(), part.getValue()));
			}
		}
		for (var part : flat) {
			var head = new StringBuilder("--").append(boundary).append("\r\n");
			if (part.getValue() instanceof FilePart file) {
				head.append("Content-Disposition: form-data; name=\"")
					.append(part.getKey())
					.append("\"; filename=\"")
					.append(file.name())
					.append("\"\r\nContent-Type: ")
					.append(file.contentType())
					.append("\r\n\r\n");
				chunks.add(head.toString().getBytes(StandardCharsets.UTF_8));
				chunks.add(file.bytes());
			}
			else {
				head.append("Content-Disposition: form-data; name=\"")
					.append(part.getKey())
					.append("\"\r\n\r\n")
					.append(part.getValue());
				chunks.add(head.toString().getBytes(StandardCharsets.UTF_8));
			}
			chunks.add("\r\n".getBytes(StandardCharsets.UTF_8));
		}
		chunks.add(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArrays(chunks)));
	}

	public record FilePart(String name, String contentType, byte[] bytes) {
	}

	private HttpRequest.Builder request(String path) {
		var builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
		headers.forEach(builder::header);
		return builder;
	}

	private static Response send(HttpRequest.Builder request) {
		try {
			var response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			return new Response(response.statusCode(), response.body(), response.headers().map());
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	public record Response(int status, String body, Map<String, List<String>> headers) {

		public JsonNode json() {
			return JSON.readTree(body);
		}

		public Document html() {
			return Jsoup.parse(body);
		}

		public String header(String name) {
			return headers.entrySet()
				.stream()
				.filter(e -> e.getKey().equalsIgnoreCase(name))
				.map(e -> e.getValue().get(0))
				.findFirst()
				.orElse(null);
		}

		public List<String> cookies() {
			return headers.entrySet()
				.stream()
				.filter(e -> e.getKey().equalsIgnoreCase("set-cookie"))
				.flatMap(e -> e.getValue().stream())
				.toList();
		}

		@Override
		public String toString() {
			return status + " " + (body.length() > 500 ? body.substring(0, 500) + "..." : body);
		}

	}

}
