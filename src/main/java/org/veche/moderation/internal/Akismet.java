package org.veche.moderation.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * Akismet's REST API (comment-check, submit-spam, submit-ham) over plain HTTP form posts,
 * for owners who turn it on. It only ever adds an opinion: when Akismet is slow, down or
 * answers anything but "true" or "false", the comment is decided by the site's own rules
 * and filter.
 */
@Component
public class Akismet {

	private static final Logger log = LoggerFactory.getLogger(Akismet.class);

	/** What is sent for each comment, for the privacy page to list. */
	public static final java.util.List<String> SENT = java.util.List.of("comment_content", "comment_author",
			"comment_author_email", "comment_author_url", "user_ip", "permalink");

	private final AkismetProperties settings;

	/**
	 * Built on the first call: the JDK's client starts a selector thread and loads some
	 * hundreds of classes, which a site without an Akismet key (the default) never needs.
	 */
	private final SingletonSupplier<HttpClient> client;

	Akismet(AkismetProperties settings) {
		this.settings = settings;
		this.client = SingletonSupplier.of(() -> HttpClient.newBuilder().connectTimeout(settings.timeout()).build());
	}

	public boolean enabled() {
		return settings.enabled();
	}

	/** One comment as Akismet takes it. */
	public record Submission(String content, String author, String email, String url, String address,
			String permalink) {
	}

	/** Akismet's verdict: spam or not, or empty when it gave none. */
	public Optional<Boolean> isSpam(Submission comment) {
		return call("comment-check", comment).flatMap(body -> switch (body.strip()) {
			case "true" -> Optional.of(true);
			case "false" -> Optional.of(false);
			default -> Optional.empty();
		});
	}

	public void submitSpam(Submission comment) {
		call("submit-spam", comment);
	}

	public void submitHam(Submission comment) {
		call("submit-ham", comment);
	}

	private Optional<String> call(String method, Submission c) {
		if (!enabled()) {
			return Optional.empty();
		}
		var form = new LinkedHashMap<String, String>();
		form.put("api_key", settings.key());
		form.put("blog", settings.site());
		form.put("user_ip", c.address() == null ? "" : c.address());
		form.put("permalink", c.permalink() == null ? "" : c.permalink());
		form.put("comment_type", "comment");
		form.put("comment_author", nonNull(c.author()));
		form.put("comment_author_email", nonNull(c.email()));
		form.put("comment_author_url", nonNull(c.url()));
		form.put("comment_content", nonNull(c.content()));
		var request = HttpRequest.newBuilder(URI.create(settings.endpoint()).resolve(method))
			.timeout(settings.timeout())
			.header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
			.header("User-Agent", "Veche | Akismet/1.1")
			.POST(HttpRequest.BodyPublishers.ofString(encode(form)))
			.build();
		try {
			HttpResponse<String> response = client.obtain()
				.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			if (response.statusCode() != 200) {
				log.warn("Akismet {} answered {}", method, response.statusCode());
				return Optional.empty();
			}
			response.headers()
				.firstValue("X-akismet-debug-help")
				.ifPresent(help -> log.warn("Akismet {}: {}", method, help));
			return Optional.of(response.body());
		}
		catch (IOException ex) {
			log.warn("Akismet {} failed: {}", method, ex.toString());
			return Optional.empty();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Optional.empty();
		}
	}

	private static String nonNull(String value) {
		return value == null ? "" : value;
	}

	private static String encode(Map<String, String> form) {
		return form.entrySet()
			.stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

}
