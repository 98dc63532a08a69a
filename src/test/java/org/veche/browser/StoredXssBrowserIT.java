package org.veche.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.veche.identity.NewAccount;
import org.veche.identity.Role;
import org.veche.support.Http;
import org.veche.support.IntegrationTest;

import com.sun.net.httpserver.HttpServer;

/**
 * Stored XSS in a real browser: the XSS corpus (src/test/resources/xss, over 2,000
 * payloads from public lists and their variants) and the Big List of Naughty Strings are
 * stored in every text a reader or an editor can write (comment body, name, website,
 * e-mail; article title, lead, body and tags; photo caption, credit, alt text and file
 * name; a WordPress import's titles, contents and comments), and every page that shows
 * them is opened in headless Chromium, as a guest and, for the moderation queue (e-mail
 * addresses, held comments), as a moderator. A hook installed before any page script
 * records every alert, confirm, prompt and print, and every securitypolicyviolation
 * event; the browser's console is read for CSP reports too; and the rendered pages must
 * hold no event handler attribute and no javascript: address. None may be found: the
 * sanitizer holds alone, CSP stays the second wall. {@code -Dveche.xss.stride=N} stores
 * every Nth payload in the one-payload fields (names, websites, e-mail, 4 by default, 1
 * in bench/xss.sh; titles and tags every 20Nth); comment bodies, article leads and bodies
 * carry the whole corpus on every run; photo captions, credits, alt texts and file names
 * a sample of it (each upload is decoded and re-encoded, which is slow).
 */
class StoredXssBrowserIT extends IntegrationTest {

	/**
	 * Runs before any script of any page or frame: the payloads' alert(1) and CSP reports
	 * land in __xss.
	 */
	static final String DETECTOR = """
			(() => {
			  const found = [];
			  Object.defineProperty(window, '__xss', { value: found });
			  const record = (kind) => function () { found.push(kind + ':' + Array.from(arguments).join(',')); };
			  for (const name of ['alert', 'confirm', 'prompt', 'print']) { window[name] = record(name); }
			  document.addEventListener('securitypolicyviolation',
			      e => found.push('csp:' + e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sample || '')), true);
			})();
			""";

	/**
	 * Event handler attributes and script addresses anywhere in the document, as the
	 * browser parsed it.
	 */
	static final String DANGEROUS_MARKUP = """
			const bad = [];
			for (const el of document.querySelectorAll('*')) {
			  for (const attr of el.attributes) {
			    const name = attr.name.toLowerCase();
			    const value = attr.value.replace(/[\\u0000-\\u0020]/g, '').toLowerCase();
			    if (name.startsWith('on') || (['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster',
			        'background', 'srcdoc'].includes(name) && (value.startsWith('javascript:') || value.startsWith('vbscript:')
			        || value.startsWith('data:text/html') || name === 'srcdoc'))) {
			      bad.push(el.tagName + ' ' + name + '=' + attr.value.substring(0, 80));
			    }
			  }
			}
			return bad;
			""";

	private static List<String> corpus() throws IOException {
		var payloads = new LinkedHashSet<String>();
		try (InputStream in = StoredXssBrowserIT.class.getResourceAsStream("/xss/payloads.txt")) {
			new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
				.filter(l -> !l.isBlank())
				.forEach(payloads::add);
		}
		assertThat(payloads.size()).as("payloads in the corpus").isGreaterThanOrEqualTo(2_000);
		Path naughty = Path.of("..", "shared", "data", "naughty-strings", "blns.txt");
		if (Files.isRegularFile(naughty)) {
			Files.readAllLines(naughty, StandardCharsets.UTF_8)
				.stream()
				.filter(l -> !l.isBlank() && !l.startsWith("#"))
				.forEach(payloads::add);
		}
		else {
			System.out
				.println("StoredXssBrowserIT: " + naughty.toAbsolutePath() + " is absent; naughty strings skipped");
		}
		return List.copyOf(payloads);
	}

	/**
	 * Payloads joined into texts of at most maxChars, each text as the list of its
	 * payloads.
	 */
	private static List<List<String>> batches(List<String> payloads, int maxChars) {
		var batches = new ArrayList<List<String>>();
		var batch = new ArrayList<String>();
		int length = 0;
		for (String payload : payloads) {
			String cut = payload.length() > maxChars - 2 ? payload.substring(0, maxChars - 2) : payload;
			if (length + cut.length() + 2 > maxChars && !batch.isEmpty()) {
				batches.add(batch);
				batch = new ArrayList<>();
				length = 0;
			}
			batch.add(cut);
			length += cut.length() + 2;
		}
		if (!batch.isEmpty()) {
			batches.add(batch);
		}
		return batches;
	}

	private static String joined(List<String> batch) {
		return String.join("\n\n", batch);
	}

	/**
	 * Stores a batch as one text; when the site refuses the whole (a naughty string with
	 * a control character in it), each payload alone, so that one refused string does not
	 * hide the others. Returns the texts stored.
	 */
	private static int store(List<String> batch, java.util.function.Function<String, Http.Response> post) {
		var response = post.apply(joined(batch));
		assertThat(response.status()).as("refused, never failed: %s", response).isLessThan(500);
		if (response.status() < 300) {
			return 1;
		}
		int stored = 0;
		for (String payload : batch) {
			var one = post.apply(payload);
			assertThat(one.status()).as("refused, never failed: %s", one).isLessThan(500);
			stored += one.status() < 300 ? 1 : 0;
		}
		return stored;
	}

	@Test
	void theDetectorCatchesAnUnsafePage() throws Exception {
		var server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.createContext("/unsafe", exchange -> {
			byte[] page = "<!doctype html><p>unsafe</p><img src=x onerror=alert(1)><a href=\"javascript:alert(2)\">x</a>"
				.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "text/html");
			exchange.sendResponseHeaders(200, page.length);
			exchange.getResponseBody().write(page);
			exchange.close();
		});
		server.createContext("/blocked", exchange -> {
			byte[] page = "<!doctype html><p>blocked</p><script>alert(3)</script>".getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "text/html");
			exchange.getResponseHeaders().add("Content-Security-Policy", "script-src 'self'");
			exchange.sendResponseHeaders(200, page.length);
			exchange.getResponseBody().write(page);
			exchange.close();
		});
		server.start();
		try (Browser browser = Browser.withJavaScript()) {
			install(browser);
			String base = "http://127.0.0.1:" + server.getAddress().getPort();
			var unsafe = open(browser, base + "/unsafe");
			assertThat(unsafe.fired()).contains("alert:1");
			assertThat(unsafe.markup()).anyMatch(m -> m.contains("onerror")).anyMatch(m -> m.contains("javascript:"));
			var blocked = open(browser, base + "/blocked");
			assertThat(blocked.fired()).anyMatch(f -> f.startsWith("csp:script-src"));
			assertThat(browser.cspViolations()).isNotEmpty();
		}
		finally {
			server.stop(0);
		}
	}

	@Test
	void noStoredTextRunsAScriptOrBreaksThePolicy() throws Exception {
		List<String> payloads = corpus();
		int stride = Integer.getInteger("veche.xss.stride", 4);
		String editor = tokenFor(Role.EDITOR);
		var pages = new LinkedHashSet<String>();
		int stored = 0;

		// comment bodies: the whole corpus, many payloads a comment
		String slug = publishArticle(editor, "Stored bodies " + unique());
		for (List<String> batch : batches(payloads, 9_000)) {
			stored += store(batch, body -> http.from(newAddress())
				.postJson("/api/v1/articles/" + slug + "/comments", Map.of("author",
						Map.of("name", "Reader", "email", "reader" + unique() + "@example.org"), "body", body)));
		}
		// names, websites and e-mail addresses: one payload each (refused ones are
		// refused, and that is fine)
		String people = publishArticle(editor, "Stored names " + unique());
		int refusedUrls = 0;
		for (int i = 0; i < payloads.size(); i += stride) {
			String payload = payloads.get(i);
			var author = new java.util.HashMap<String, Object>();
			author.put("name", payload.length() > 100 ? payload.substring(0, 100) : payload);
			author.put("email", "r" + unique() + "@example.org");
			author.put("url", payload);
			var response = http.from(newAddress())
				.postJson("/api/v1/articles/" + people + "/comments", Map.of("author", author, "body", "Named " + i));
			if (response.status() >= 400) {
				assertThat(response.status()).as("refused, not failed: %s", response).isLessThan(500);
				refusedUrls++;
				author.remove("url");
				response = http.from(newAddress())
					.postJson("/api/v1/articles/" + people + "/comments",
							Map.of("author", author, "body", "Named " + i));
			}
			if (response.status() < 300) {
				stored++;
			}
			if (i % (stride * 5) == 0) {
				// the e-mail field: a payload dressed as an address, which the site may
				// take or refuse
				var email = http.from(newAddress())
					.postJson("/api/v1/articles/" + people + "/comments",
							Map.of("author",
									Map.of("name", "Mail " + i, "email",
											"x" + unique() + "+" + payload.replaceAll("\\s", "") + "@example.org"),
									"body", "Mailed " + i));
				assertThat(email.status()).isLessThan(500);
			}
		}
		assertThat(refusedUrls).as("websites that are not http(s) are refused").isGreaterThan(0);
		pages.add("/articles/" + slug);
		pages.add("/articles/" + people);

		// articles: titles and tags one payload each, leads and bodies in batches
		// one-line fields refuse control characters (a refusal the naughty strings meet):
		// the rest, space-separated
		List<String> oneLine = payloads.stream().filter(p -> p.chars().noneMatch(c -> c < 0x20)).toList();
		List<String> leads = batches(oneLine, 2_000).stream().map(b -> String.join(" ", b)).toList();
		int articles = 0;
		for (int i = 0; i < payloads.size(); i += stride * 20) {
			String payload = payloads.get(i);
			String lead = leads.get(articles % leads.size());
			var response = http.bearer(editor)
				.postJson("/api/v1/articles",
						Map.of("title", payload.length() > 200 ? payload.substring(0, 200) : payload, "lead", lead,
								"body", leads.get((articles + 1) % leads.size()), "tags",
								List.of(payload.length() > 40 ? payload.substring(0, 40) : payload, "xss"), "status",
								"published"));
			assertThat(response.status()).as("an article of payloads: %s", response).isLessThan(500);
			if (response.status() == 201) {
				pages.add("/articles/" + response.json().get("slug").asString());
				stored++;
			}
			articles++;
		}
		for (String lead : leads) { // every lead once: the whole corpus passes through
			stored += store(List.of(lead), text -> {
				var response = http.bearer(editor)
					.postJson("/api/v1/articles", Map.of("title", "Lead " + unique(), "lead", text, "body", text,
							"tags", List.of("xss"), "status", "published"));
				if (response.status() == 201) {
					pages.add("/articles/" + response.json().get("slug").asString());
				}
				return response;
			});
		}
		// photos: caption, credit, alt text and file name
		String gallery = publishArticle(editor, "Stored captions " + unique());
		List<String> captions = batches(oneLine, 1_000).stream().map(b -> String.join(" ", b)).toList();
		for (int i = 0; i < Math.min(captions.size(), 12); i++) {
			String payload = payloads.get((i * 97) % payloads.size());
			var response = http.bearer(editor)
				.postMultipart("/api/v1/articles/" + gallery + "/photos",
						Map.of("file",
								new Http.FilePart(payload.replaceAll("[/\\\\]", "_") + ".jpg", "image/jpeg", jpeg()),
								"caption", captions.get(i), "credit", payload, "alt", payload));
			assertThat(response.status()).as("a photo with payloads: %s", response).isLessThan(500);
		}
		pages.add("/articles/" + gallery);
		stored += importPayloads(oneLine);
		pages.add("/tags/xss-import");
		pages.add("/");
		pages.add("/tags/xss");
		pages.add("/?page=2");
		// the search page shows what was typed (in its field and its title) and what was
		// found (marked snippets)
		for (int i = 0; i < payloads.size(); i += stride * 40) {
			pages.add("/search?q="
					+ java.net.URLEncoder.encode(payloads.get(i), java.nio.charset.StandardCharsets.UTF_8));
		}
		pages.add("/search?q=xss");
		pages.add("/search?q=script+alert");
		pages.add("/search?q=Named&in=comments");
		pages.add("/search?q=script+alert&in=comments");
		pages.add("/search?q=img+onerror&in=comments");
		System.out.printf("StoredXssBrowserIT: %d payloads, %d texts stored, %d pages to open%n", payloads.size(),
				stored, pages.size());

		var fired = new ArrayList<String>();
		var markup = new ArrayList<String>();
		int opened = 0;
		try (var browsers = new Browsers()) {
			// each page is opened under a watchdog: a renderer that hangs costs a fresh
			// browser, not the build
			var queue = new ArrayList<>(pages);
			Set<String> seen = new LinkedHashSet<>(queue);
			for (int q = 0; q < queue.size(); q++) {
				String path = queue.get(q);
				var result = browsers.open(http.url(path));
				opened++;
				result.fired().forEach(f -> fired.add(path + " -> " + f));
				result.markup().forEach(m -> markup.add(path + " -> " + m));
				// every page of a thread and of a listing
				String links = path.startsWith("/tags/xss-import")
						? "a[rel=next], nav.pagination a[href], a[href^='/articles/']"
						: "a[rel=next], nav.pagination a[href]";
				for (Object next : (List<?>) ((JavascriptExecutor) browsers.now.driver()).executeScript(
						"return Array.from(document.querySelectorAll(arguments[0])).map(a => a.getAttribute('href'))",
						links)) {
					String href = String.valueOf(next);
					String nextPath = href.startsWith("?") ? path.replaceAll("\\?.*", "") + href : href;
					if (nextPath.startsWith("/") && seen.add(nextPath.replaceAll("#.*", ""))) {
						queue.add(nextPath.replaceAll("#.*", ""));
					}
				}
			}
			// the moderation queue shows what readers never see: e-mail addresses, held
			// and spam comments
			String email = "moderator" + unique() + "@example.org";
			String password = "correct horse battery " + unique();
			identity.createAccount(new NewAccount(email, password, "Moderator " + unique(), Role.MODERATOR));
			browsers.now.driver().get(http.url("/login"));
			browsers.now.driver().findElement(org.openqa.selenium.By.id("username")).sendKeys(email);
			browsers.now.driver().findElement(org.openqa.selenium.By.id("password")).sendKeys(password);
			browsers.now.driver().findElement(org.openqa.selenium.By.cssSelector("form button[type=submit]")).click();
			browsers.now.waiting()
				.until(org.openqa.selenium.support.ui.ExpectedConditions
					.presenceOfElementLocated(org.openqa.selenium.By.cssSelector(".signed-in")));
			var desk = new ArrayList<>(
					List.of("/moderation?tab=approved", "/moderation?tab=pending", "/moderation?tab=spam"));
			Set<String> deskSeen = new LinkedHashSet<>(desk);
			for (int q = 0; q < desk.size() && q < 60; q++) {
				String path = desk.get(q);
				var result = open(browsers.now, http.url(path));
				opened++;
				result.fired().forEach(f -> fired.add(path + " -> " + f));
				result.markup().forEach(m -> markup.add(path + " -> " + m));
				for (Object next : (List<?>) ((JavascriptExecutor) browsers.now.driver()).executeScript(
						"return Array.from(document.querySelectorAll('nav.pagination a[href]')).map(a => a.getAttribute('href'))")) {
					String href = String.valueOf(next);
					if (href.startsWith("/moderation") && deskSeen.add(href)) {
						desk.add(href);
					}
				}
			}
			fired.addAll(browsers.cspViolations());
		}
		System.out.printf("StoredXssBrowserIT: %d pages opened, %d scripts run or CSP reports, %d dangerous markup%n",
				opened, fired.size(), markup.size());
		assertThat(fired).as("scripts that ran or CSP violations").isEmpty();
		assertThat(markup).as("event handlers or script addresses in the pages").isEmpty();
		assertThat(opened).isGreaterThan(pages.size() - 1);
	}

	@org.springframework.beans.factory.annotation.Autowired
	org.veche.importer.Imports imports;

	/**
	 * A WordPress export whose titles, contents and comments (author, website, text) are
	 * the payloads.
	 */
	private int importPayloads(List<String> oneLine) throws IOException {
		List<String> safe = oneLine.stream().filter(p -> p.codePoints().allMatch(StoredXssBrowserIT::xmlChar)).toList();
		String site = "https://xss" + unique() + ".example";
		var items = new StringBuilder();
		var bodies = batches(safe, 6_000);
		int n = 0;
		for (List<String> batch : bodies) {
			n++;
			String title = safe.get((n * 37) % safe.size());
			var comments = new StringBuilder();
			for (int c = 0; c < 3; c++) {
				String who = safe.get((n * 3 + c) % safe.size());
				comments.append("<wp:comment><wp:comment_id>")
					.append(c + 1)
					.append("</wp:comment_id><wp:comment_author>")
					.append(cdata(who.length() > 100 ? who.substring(0, 100) : who))
					.append("</wp:comment_author><wp:comment_author_email>r@example.org</wp:comment_author_email>")
					.append("<wp:comment_author_url>")
					.append(cdata(who))
					.append("</wp:comment_author_url>")
					.append("<wp:comment_date>2020-01-01 10:00:00</wp:comment_date><wp:comment_date_gmt>2020-01-01 10:00:00")
					.append("</wp:comment_date_gmt><wp:comment_content>")
					.append(cdata(String.join("\n\n", batch.subList(0, Math.min(batch.size(), 40)))))
					.append("</wp:comment_content><wp:comment_approved>1</wp:comment_approved><wp:comment_type></wp:comment_type>")
					.append("<wp:comment_parent>0</wp:comment_parent><wp:comment_user_id>0</wp:comment_user_id></wp:comment>");
			}
			items.append("<item><title>")
				.append(cdata(title.length() > 200 ? title.substring(0, 200) : title))
				.append("</title><link>")
				.append(site)
				.append("/2020/01/p")
				.append(n)
				.append("/</link>")
				.append("<dc:creator>editor</dc:creator><guid isPermaLink=\"false\">")
				.append(site)
				.append("/?p=")
				.append(700_000 + n)
				.append("</guid><content:encoded>")
				.append(cdata(String.join("\n<p>", batch)))
				.append("</content:encoded><excerpt:encoded>")
				.append(cdata(batch.get(0)))
				// post ids no other test imports: the first import of an id keeps the old
				// address /?p=ID
				.append("</excerpt:encoded><wp:post_id>")
				.append(700_000 + n)
				.append("</wp:post_id>")
				.append("<wp:post_date>2020-01-01 09:00:00</wp:post_date><wp:post_date_gmt>2020-01-01 09:00:00</wp:post_date_gmt>")
				.append("<wp:post_name>p")
				.append(n)
				.append("</wp:post_name><wp:status>publish</wp:status>")
				.append("<wp:post_parent>0</wp:post_parent><wp:post_type>post</wp:post_type>")
				.append("<category domain=\"post_tag\" nicename=\"xss-import\"><![CDATA[xss-import]]></category>")
				.append(comments)
				.append("</item>\n");
		}
		String ns = "http://wordpress.org/export/1.2/";
		String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n<rss version=\"2.0\" xmlns:excerpt=\"" + ns
				+ "excerpt/\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\""
				+ " xmlns:wp=\"" + ns + "\"><channel><title>Hostile blog</title><link>" + site + "</link>"
				+ "<wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>" + site
				+ "</wp:base_site_url><wp:base_blog_url>" + site + "</wp:base_blog_url>\n" + items
				+ "</channel></rss>\n";
		Path file = Files.createTempFile("veche-xss-import", ".xml");
		Files.writeString(file, xml, StandardCharsets.UTF_8);
		var run = imports.run(org.veche.importer.ExportFormat.WXR, file);
		assertThat(run.succeeded())
			.as("import of payloads: %s", run.failure() == null ? "" : run.failure().getMessage())
			.isTrue();
		return n;
	}

	private static boolean xmlChar(int c) {
		return c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD
				|| c >= 0x10000 && c <= 0x10FFFF;
	}

	private static String cdata(String text) {
		return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>";
	}

	record Opened(List<String> fired, List<String> markup) {
	}

	/**
	 * The browser the pages are opened in, replaced when one hangs: headless Chromium on
	 * a starved machine has been seen to stop answering mid-navigation (no time-out
	 * fires), and one such hang must not stall the whole build.
	 */
	private static final class Browsers implements AutoCloseable {

		Browser now = started();

		private final List<String> violations = new ArrayList<>();

		private static Browser started() {
			Browser browser = Browser.withJavaScript();
			install(browser);
			return browser;
		}

		Opened open(String url) {
			for (int attempt = 1;; attempt++) {
				Browser browser = now;
				var loading = java.util.concurrent.CompletableFuture
					.supplyAsync(() -> StoredXssBrowserIT.open(browser, url));
				try {
					return loading.get(90, java.util.concurrent.TimeUnit.SECONDS);
				}
				catch (java.util.concurrent.TimeoutException hung) {
					if (attempt == 2) {
						throw new AssertionError("the browser hung twice on " + url);
					}
					System.out.println("StoredXssBrowserIT: the browser hung on " + url + "; a fresh one tries again");
					browser.abandon();
					now = started();
				}
				catch (java.util.concurrent.ExecutionException failed) {
					throw failed.getCause() instanceof RuntimeException runtime ? runtime
							: new IllegalStateException(failed.getCause());
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException(ex);
				}
			}
		}

		List<String> cspViolations() {
			violations.addAll(now.cspViolations());
			return violations;
		}

		@Override
		public void close() {
			now.close();
		}

	}

	private static void install(Browser browser) {
		browser.driver().executeCdpCommand("Page.enable", Map.of());
		browser.driver().executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", DETECTOR));
	}

	@SuppressWarnings("unchecked")
	private static Opened open(Browser browser, String url) {
		var driver = browser.driver();
		try {
			driver.get(url);
		}
		catch (org.openqa.selenium.TimeoutException slow) {
			// a renderer starved by a busy machine (CI shares two cores): one more try,
			// the checks below stay the same
			driver.get(url);
		}
		browser.waiting()
			.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
		// broken images, autofocus and animations fire their handlers just after the load
		try {
			Thread.sleep(300);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		var fired = (List<String>) driver.executeScript("return Array.from(window.__xss || ['detector missing'])");
		var markup = (List<String>) driver.executeScript(DANGEROUS_MARKUP);
		return new Opened(List.copyOf(fired), List.copyOf(markup));
	}

	private static byte[] jpeg() {
		var image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
		var out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "jpeg", out);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
