package org.veche.discussion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.veche.support.Http;

import tools.jackson.databind.JsonNode;

/**
 * Every string of the Big List of Naughty Strings, once as a comment's body and once as
 * its author's name, each from its own address and e-mail so that only the string
 * decides. Each is either stored and shown back exactly (bodies: only the comment subset
 * of HTML, and the very text when the string has no Markdown in it) or refused with a 4xx
 * problem that says why; never a 5xx, never lost.
 */
class NaughtyStringsIT extends DiscussionSupport {

	private static final Path BLNS = Path.of("../shared/data/naughty-strings/blns.txt");

	private static final Set<String> ALLOWED_ELEMENTS = Set.of("p", "br", "em", "strong", "code", "pre", "blockquote",
			"ul", "ol", "li", "a");

	private static final Set<String> ALLOWED_ATTRIBUTES = Set.of("href", "rel");

	private static final Pattern MARKDOWN_SPECIAL = Pattern.compile("[\\\\`*_{}\\[\\]<>()#+\\-.!|~&]");

	/**
	 * The one change the HTML sanitizer makes to plain text on purpose: it drops a
	 * zero-width non-joiner before an Indic vowel sign, the sequence that crashed Apple's
	 * text rendering in 2018 (blns keeps one such string).
	 */
	private static final Pattern DEFUSED_ZWNJ = Pattern.compile(
			"\\u200C(?=[\\u093A-\\u094F\\u0985-\\u0994\\u09BE-\\u09CB\\u09E0-\\u09E3\\u0C05-\\u0C14\\u0C3E-\\u0C47\\u0C49-\\u0C4C])");

	private static final String GOOD_NAME = "Naughty Body Tester";

	private static final String GOOD_BODY = "A well-behaved body for a naughty name.";

	private List<String> strings;

	@BeforeEach
	void readTheList() throws IOException {
		assumeTrue(Files.isReadable(BLNS), "The naughty strings list is not at " + BLNS.toAbsolutePath().normalize()
				+ " (shared test data, not part of the repository): skipping");
		// As the list's readme says: lines starting with # are comments, empty lines
		// separate sections.
		strings = Files.readAllLines(BLNS, StandardCharsets.UTF_8)
			.stream()
			.filter(line -> !line.isEmpty() && !line.startsWith("#"))
			.toList();
		assertThat(strings).as("strings in %s", BLNS).hasSizeGreaterThan(400);
	}

	/**
	 * A string Markdown leaves alone, so that the rendered text must be the string
	 * itself.
	 */
	static boolean plainText(String s) {
		return !MARKDOWN_SPECIAL.matcher(s).find() && !s.startsWith(" ") && !s.strip().matches("\\d+\\..*");
	}

	private static String show(String s) {
		var out = new StringBuilder();
		s.codePoints().limit(60).forEach(c -> {
			if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || Character.getType(c) == Character.FORMAT
					|| Character.getType(c) == Character.UNASSIGNED) {
				out.append(String.format("\\u%04X", c));
			}
			else {
				out.appendCodePoint(c);
			}
		});
		return "\"" + out + (s.codePointCount(0, s.length()) > 60 ? "...\"" : "\"");
	}

	/**
	 * What happened to each string: stored (with its id), or refused with a reason, or
	 * something wrong.
	 */
	private static final class Tally {

		final String what;

		final Map<Long, String> stored = new LinkedHashMap<>();

		final Map<String, List<Integer>> refusals = new TreeMap<>();

		final List<String> failures = new ArrayList<>();

		Tally(String what) {
			this.what = what;
		}

		/** Accounts for one answer; returns the comment's JSON when it was stored. */
		JsonNode answer(int index, String input, Http.Response response) {
			if (response.status() == 201) {
				var json = response.json();
				stored.put(json.get("id").asLong(), input);
				return json;
			}
			if (response.status() >= 400 && response.status() < 500) {
				String type = response.header("Content-Type");
				var problem = type != null && type.startsWith("application/problem+json") ? response.json() : null;
				if (problem == null || !problem.hasNonNull("detail") || problem.get("detail").asString().isBlank()) {
					failures.add("#" + index + " " + show(input) + ": " + response.status()
							+ " without a problem detail: " + response);
				}
				else {
					refusals
						.computeIfAbsent(response.status() + " " + problem.get("detail").asString(),
								k -> new ArrayList<>())
						.add(index);
				}
				return null;
			}
			failures.add("#" + index + " " + show(input) + ": unexpected " + response);
			return null;
		}

		void fail(int index, String input, String why) {
			failures.add("#" + index + " " + show(input) + ": " + why);
		}

		void printSummary(int total) {
			int refused = refusals.values().stream().mapToInt(List::size).sum();
			var summary = new StringBuilder().append("Naughty strings as ")
				.append(what)
				.append(": ")
				.append(total)
				.append(" posted, ")
				.append(stored.size())
				.append(" stored, ")
				.append(refused)
				.append(" refused, ")
				.append(failures.size())
				.append(" wrong\n");
			refusals.forEach((reason, indexes) -> summary.append("  refused ")
				.append(indexes.size())
				.append("x: ")
				.append(reason)
				.append(" (strings #")
				.append(indexes.subList(0, Math.min(8, indexes.size())))
				.append(indexes.size() > 8 ? "..." : "")
				.append(")\n"));
			failures.stream().limit(50).forEach(f -> summary.append("  WRONG ").append(f).append('\n'));
			System.out.print(summary);
		}

	}

	@Test
	void everyNaughtyStringAsABodyIsStoredAsSafeHtmlOrRefusedWithAReason() {
		String slug = newArticle("Naughty bodies");
		var tally = new Tally("comment bodies");
		var htmlById = new HashMap<Long, String>();
		for (int i = 0; i < strings.size(); i++) {
			String body = strings.get(i);
			var response = postApi(slug,
					reply(null, GOOD_NAME, "naughty-body-" + unique() + "@example.org", null, body), newAddress());
			var json = tally.answer(i, body, response);
			if (json == null) {
				continue;
			}
			String html = json.get("html").asString();
			htmlById.put(json.get("id").asLong(), html);
			var fragment = Jsoup.parseBodyFragment(html).body();
			for (Element e : fragment.select("*")) {
				if (e != fragment && !ALLOWED_ELEMENTS.contains(e.tagName())) {
					tally.fail(i, body, "element <" + e.tagName() + "> in " + html);
				}
				for (Attribute a : e.attributes()) {
					if (!ALLOWED_ATTRIBUTES.contains(a.getKey())) {
						tally.fail(i, body, "attribute " + a.getKey() + " in " + html);
					}
				}
			}
			if (plainText(body)) {
				var children = fragment.children();
				String shown = children.size() == 1 && children.first().tagName().equals("p")
						? children.first().wholeText() : null;
				if (!DEFUSED_ZWNJ.matcher(body.strip()).replaceAll("").equals(shown)) {
					tally.fail(i, body, "shown as " + (shown == null ? html : show(shown)));
				}
			}
		}

		// Stored means kept: the API lists each with the same HTML, and the pages show
		// each once.
		var listed = new HashMap<Long, String>();
		http.get("/api/v1/articles/" + slug + "/comments")
			.json()
			.get("comments")
			.forEach(c -> listed.put(c.get("id").asLong(), c.get("html").asString()));
		var onPages = commentsById(crawlThread(slug).values());
		for (var stored : tally.stored.entrySet()) {
			int index = strings.indexOf(stored.getValue());
			if (!htmlById.get(stored.getKey()).equals(listed.get(stored.getKey()))) {
				tally.fail(index, stored.getValue(), "listed as " + listed.get(stored.getKey()));
			}
			if (!onPages.containsKey(stored.getKey())) {
				tally.fail(index, stored.getValue(), "not on any page of the thread");
			}
		}
		tally.printSummary(strings.size());
		assertThat(tally.failures).as("naughty bodies handled wrongly").isEmpty();
		assertThat(listed).hasSameSizeAs(tally.stored);
		assertThat(tally.stored).as("most strings are ordinary text to a comment")
			.hasSizeGreaterThan(strings.size() / 2);
	}

	@Test
	void everyNaughtyStringAsANameIsShownExactlyOrRefusedWithAReason() {
		String slug = newArticle("Naughty names");
		var tally = new Tally("author names");
		for (int i = 0; i < strings.size(); i++) {
			String name = strings.get(i);
			var response = postApi(slug,
					reply(null, name, "naughty-name-" + unique() + "@example.org", null, GOOD_BODY), newAddress());
			var json = tally.answer(i, name, response);
			if (json != null && !json.get("author").get("name").asString().equals(name.strip())) {
				tally.fail(i, name, "answered as " + show(json.get("author").get("name").asString()));
			}
		}

		// Names are found wherever the thread's page links lead, not assumed to be on the
		// first page.
		var pages = crawlThread(slug);
		var onPages = commentsById(pages.values());
		for (var stored : tally.stored.entrySet()) {
			int index = strings.indexOf(stored.getValue());
			String expected = stored.getValue().strip();
			Element comment = onPages.get(stored.getKey());
			if (comment == null) {
				tally.fail(index, stored.getValue(), "not on any of " + pages.size() + " pages");
				continue;
			}
			String shown = comment.selectFirst(".comment-author").wholeText();
			if (!shown.equals(expected)) {
				tally.fail(index, stored.getValue(), "shown as " + show(shown));
			}
			String replyTo = comment.selectFirst("a.reply-link").attr("data-author");
			if (!replyTo.equals(expected)) {
				tally.fail(index, stored.getValue(), "reply link names " + show(replyTo));
			}
		}
		tally.printSummary(strings.size());
		assertThat(tally.failures).as("naughty names handled wrongly").isEmpty();
		assertThat(pages.size()).as("the thread spans several pages").isGreaterThan(1);
		assertThat(tally.stored).as("most strings are ordinary names").hasSizeGreaterThan(strings.size() / 2);
	}

}
