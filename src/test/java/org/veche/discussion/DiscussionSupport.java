package org.veche.discussion;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.veche.identity.Role;
import org.veche.support.Http;
import org.veche.support.IntegrationTest;

/**
 * What the discussion integration tests share on top of {@link IntegrationTest}: articles
 * to comment on, replies from distinct readers, problem+json checks and a crawler that
 * follows the thread's page links as a browser without JavaScript would. It adds no
 * properties, so every subclass runs in the one shared server context.
 */
abstract class DiscussionSupport extends IntegrationTest {

	/**
	 * One editor per server: making an account hashes a password, which is slow on
	 * purpose.
	 */
	private static final Map<Integer, String> EDITORS = new ConcurrentHashMap<>();

	private static final HttpClient RAW = HttpClient.newHttpClient();

	protected String editorToken() {
		return EDITORS.computeIfAbsent(port, p -> tokenFor(Role.EDITOR));
	}

	protected String newArticle(String title) {
		return publishArticle(editorToken(), title + " " + unique());
	}

	protected static String newEmail() {
		return "reader" + unique() + "@example.org";
	}

	/**
	 * A comment as the API takes it; a null value leaves the field out, as a careless
	 * client would.
	 */
	protected static Map<String, Object> reply(Long parentId, String name, String email, String url, String body) {
		var author = new HashMap<String, Object>();
		if (name != null) {
			author.put("name", name);
		}
		if (email != null) {
			author.put("email", email);
		}
		if (url != null) {
			author.put("url", url);
		}
		var payload = new HashMap<String, Object>();
		if (parentId != null) {
			payload.put("parentId", parentId);
		}
		payload.put("author", author);
		if (body != null) {
			payload.put("body", body);
		}
		return payload;
	}

	protected Http.Response postApi(String slug, Map<String, Object> payload, String address) {
		return http.from(address).postJson("/api/v1/articles/" + slug + "/comments", payload);
	}

	/**
	 * Posts JSON exactly as given, for what a JSON library would not write (escaped lone
	 * surrogates).
	 */
	protected Http.Response postRawJson(String path, String json, String address) {
		var request = HttpRequest.newBuilder(URI.create(http.url(path)))
			.header("Content-Type", "application/json")
			.header("X-Forwarded-For", address)
			.POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
			.build();
		try {
			var response = RAW.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			return new Http.Response(response.statusCode(), response.body(), response.headers().map());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A guest's top-level or reply comment, checked to have been stored, returning its
	 * id.
	 */
	protected long comment(String slug, Long parentId, String name, String body) {
		return postComment(slug, parentId, name, body).get("id").asLong();
	}

	protected int total(String slug) {
		var list = http.get("/api/v1/articles/" + slug + "/comments");
		assertThat(list.status()).as("comment list of %s", slug).isEqualTo(200);
		return list.json().get("total").asInt();
	}

	/**
	 * Asserts an RFC 9457 answer with the status and a human-readable detail, and returns
	 * the detail.
	 */
	protected static String assertProblem(Http.Response response, int status) {
		assertThat(response.status()).as("status of %s", response).isEqualTo(status);
		assertThat(response.header("Content-Type")).as("content type of %s", response)
			.startsWith("application/problem+json");
		var problem = response.json();
		assertThat(problem.get("status").asInt()).isEqualTo(status);
		assertThat(problem.hasNonNull("detail")).as("detail in %s", response).isTrue();
		String detail = problem.get("detail").asString();
		assertThat(detail).isNotBlank();
		return detail;
	}

	protected Document page(String pathAndQuery) {
		return page(http, pathAndQuery);
	}

	protected Document page(Http client, String pathAndQuery) {
		var response = client.get(pathAndQuery);
		assertThat(response.status()).as("GET %s", pathAndQuery).isEqualTo(200);
		return Jsoup.parse(response.body(), http.url(pathAndQuery));
	}

	/**
	 * The path and query of a link or Location header, without the fragment a browser
	 * keeps to itself.
	 */
	protected static String pathAndQuery(String link) {
		URI uri = URI.create(link);
		return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
	}

	protected static List<Long> topLevelIds(Document page) {
		return page.select("div.thread > ol.comment-list > li.comment")
			.stream()
			.map(li -> Long.parseLong(li.attr("data-id")))
			.toList();
	}

	protected static Element commentElement(Document page, long id) {
		return page.getElementById("comment-" + id);
	}

	/**
	 * Every page of the article's thread reached by following the pagination links from
	 * the first.
	 */
	protected Map<String, Document> crawlThread(String slug) {
		return crawlFrom("/articles/" + slug);
	}

	/**
	 * Every page reached from this one by following pagination links, as a reader without
	 * JavaScript would.
	 */
	protected Map<String, Document> crawlFrom(String start) {
		var pages = new LinkedHashMap<String, Document>();
		var queue = new ArrayDeque<String>(List.of(start));
		while (!queue.isEmpty()) {
			String next = queue.poll();
			if (pages.containsKey(next)) {
				continue;
			}
			Document document = page(next);
			pages.put(next, document);
			for (Element link : document.select("nav.pagination a[href]")) {
				queue.add(pathAndQuery(link.absUrl("href")));
			}
		}
		return pages;
	}

	/**
	 * The ids of every comment on the crawled pages, in page order, with duplicates kept
	 * so they can be seen.
	 */
	protected static List<Long> commentIds(Iterable<Document> pages) {
		var ids = new ArrayList<Long>();
		for (Document page : pages) {
			page.select("div.thread li.comment").forEach(li -> ids.add(Long.parseLong(li.attr("data-id"))));
		}
		return ids;
	}

	/**
	 * The elements of every crawled page's comments by id (a comment shows on exactly one
	 * page).
	 */
	protected static Map<Long, Element> commentsById(Iterable<Document> pages) {
		var byId = new HashMap<Long, Element>();
		for (Document page : pages) {
			page.select("div.thread li.comment").forEach(li -> byId.put(Long.parseLong(li.attr("data-id")), li));
		}
		return byId;
	}

	protected static String cookieValue(Http.Response response, String name) {
		return response.cookies()
			.stream()
			.filter(c -> c.startsWith(name + "="))
			.map(c -> c.substring(name.length() + 1, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
			.findFirst()
			.orElse(null);
	}

}
