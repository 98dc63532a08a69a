package org.veche.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.veche.identity.NewAccount;
import org.veche.identity.Role;
import org.veche.support.BrowserSession;
import org.veche.support.Http;
import org.veche.support.IntegrationTest;

/**
 * Every POST form the site renders, found by crawling it as a signed-in administrator and
 * as a guest, carries the CSRF token, unless it is one of the documented forms a stranger
 * may post without one (the comment form and its sign-in buttons, likes, reports,
 * requests that only mail a link); and a post that carries a session but no token is
 * refused, for every form found.
 */
class FormsCarryCsrfIT extends IntegrationTest {

	/**
	 * Forms a guest sees without a token: a forged post can only act as a stranger, who
	 * is anyone anyway.
	 */
	private static final List<Pattern> GUEST_FORMS = List.of(Pattern.compile("/articles/[^/]+/comments(/sign-in)?"),
			Pattern.compile("/comments/\\d+/(like|report)"), Pattern.compile("/privacy/request"),
			Pattern.compile("/notifications/.*"), Pattern.compile("/logout"));

	/**
	 * Posted without a token even with a session: likes (SameSite=Lax keeps cross-site
	 * likes sessionless).
	 */
	private static final List<Pattern> NO_TOKEN_EVER = List.of(Pattern.compile("/comments/\\d+/like"));

	private static final Set<String> SKIPPED = Set.of("/logout", "/live/", "/feed", "/atom", "/media/", "/avatars/",
			"/api/", "/actuator", "/embed.js", "/count.js", "/css/", "/js/", "/export", "/download", "sitemap",
			"robots", "lang=", "/oauth2/", "/login/oauth2", ".xml", ".json", ".svg", ".jpg", ".webp");

	record Form(String page, String action, boolean token) {
	}

	@Test
	void everyPostFormCarriesTheTokenAndAPostWithoutItIsRefused() {
		String editor = tokenFor(Role.EDITOR);
		String slug = publishArticle(editor, "Forms " + unique());
		var comment = postComment(slug, null, "Reader", "A comment with forms under it");
		String email = "admin" + unique() + "@example.org";
		String password = "correct horse battery " + unique();
		identity.createAccount(new NewAccount(email, password, "Admin " + unique(), Role.ADMINISTRATOR));
		BrowserSession admin = BrowserSession.signIn(http, email, password);

		List<String> seeds = List.of("/", "/articles/" + slug,
				"/articles/" + slug + "?replytocom=" + comment.get("id").asLong(),
				"/comments/" + comment.get("id").asLong() + "/report", "/admin", "/editor", "/moderation", "/account",
				"/account/tokens", "/account/data", "/account/notifications", "/privacy", "/privacy/request",
				"/notifications/articles", "/signup", "/login", "/password/forgot");

		Map<String, Form> adminForms = crawl(seeds, admin::get);
		Map<String, Form> guestForms = crawl(seeds, path -> http.with("Accept", "text/html").get(path));
		assertThat(adminForms.size()).as("forms an administrator sees").isGreaterThan(25);
		assertThat(guestForms.size()).as("forms a guest sees").isGreaterThan(5);

		for (Form form : adminForms.values()) {
			if (!matches(NO_TOKEN_EVER, form.action())) {
				assertThat(form.token()).as("token in the form to %s on %s", form.action(), form.page()).isTrue();
			}
		}
		for (Form form : guestForms.values()) {
			assertThat(form.token() || matches(GUEST_FORMS, form.action()) || matches(NO_TOKEN_EVER, form.action()))
				.as("a guest form without a token must be documented: %s on %s", form.action(), form.page())
				.isTrue();
		}

		// a session without the token: refused, whatever the form (nothing is changed, so
		// destructive ones are safe)
		for (Form form : adminForms.values()) {
			if (matches(NO_TOKEN_EVER, form.action())) {
				continue;
			}
			var response = admin.postForm(form.action(), Map.of("probe", "1"));
			assertThat(response.status()).as("POST %s with a session, without the token", form.action()).isEqualTo(403);
		}
	}

	private static boolean matches(List<Pattern> patterns, String action) {
		String path = URI.create(action).getPath();
		return patterns.stream().anyMatch(p -> p.matcher(path).matches());
	}

	/**
	 * Breadth first over the site's own links, a few pages of each shape (numbers stand
	 * for any number).
	 */
	private static Map<String, Form> crawl(List<String> seeds, Function<String, Http.Response> get) {
		var forms = new LinkedHashMap<String, Form>();
		var queue = new ArrayDeque<String>(seeds);
		var seen = new LinkedHashSet<String>(seeds);
		var shapes = new HashMap<String, Integer>();
		int pages = 0;
		while (!queue.isEmpty() && pages < 400) {
			String path = queue.poll();
			Http.Response response = get.apply(path);
			pages++;
			String type = response.header("Content-Type");
			if (response.status() != 200 || type == null || !type.startsWith("text/html")) {
				continue;
			}
			var page = Jsoup.parse(response.body(), "http://localhost" + path);
			for (Element form : page.select("form")) {
				if (!form.attr("method").equalsIgnoreCase("post")) {
					continue;
				}
				String action = local(
						form.absUrl("action").isEmpty() ? "http://localhost" + path : form.absUrl("action"));
				if (action == null) {
					continue;
				}
				boolean token = !form.select("input[type=hidden][name=_csrf]").isEmpty()
						&& !form.select("input[name=_csrf]").attr("value").isBlank();
				String key = action.replaceAll("\\d+", "N").replaceAll("/articles/[^/?]+", "/articles/S");
				forms.merge(key, new Form(path, action, token), (a, b) -> a.token() ? b : a);
			}
			for (Element link : page.select("a[href]")) {
				String next = local(link.absUrl("href"));
				if (next == null || SKIPPED.stream().anyMatch(next::contains)) {
					continue;
				}
				String shape = next.replaceAll("\\d+", "N");
				if (seen.add(next) && shapes.merge(shape, 1, Integer::sum) <= 3) {
					queue.add(next);
				}
			}
		}
		return forms;
	}

	/**
	 * The path and query of a link on this site, without its fragment; null for another
	 * site's.
	 */
	private static String local(String absolute) {
		if (absolute.isEmpty() || !absolute.startsWith("http://localhost")) {
			return null;
		}
		URI uri;
		try {
			uri = URI.create(absolute.replace(" ", "%20"));
		}
		catch (IllegalArgumentException notAnAddress) {
			// a reader's comment may link to anything (the naughty strings hold
			// '"/etc/passwd"'): not a page to crawl
			return null;
		}
		return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
	}

}
