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
import org.veche.identity.Role;
import org.veche.support.Http;
import org.veche.support.IntegrationTest;

import com.sun.net.httpserver.HttpServer;

/**
 * Stored XSS in a real browser: the XSS corpus (src/test/resources/xss, over 2,000 payloads from public lists and
 * their variants) and the Big List of Naughty Strings are stored in every text a reader or an editor can write
 * (comment body, name, website, e-mail; article title, lead, body and tags; photo caption, credit, alt text and
 * file name), and every page that shows them is opened in headless Chromium. A hook installed before any page
 * script records every alert, confirm, prompt and print, and every securitypolicyviolation event; the
 * browser's console is read for CSP reports too; and the rendered pages must hold no event handler attribute
 * and no javascript: address. None may be found: the sanitizer holds alone, CSP stays the second wall.
 * {@code -Dveche.xss.stride=N} stores every Nth payload in the one-payload fields (names, websites, e-mail, 4 by
 * default, 1 in bench/xss.sh; titles and tags every 20Nth); comment bodies, article leads and bodies carry the
 * whole corpus on every run; photo captions, credits, alt texts and file names a sample of it (each upload is
 * decoded and re-encoded, which is slow).
 */
class StoredXssBrowserIT extends IntegrationTest {

	/** Runs before any script of any page or frame: the payloads' alert(1) and CSP reports land in __xss. */
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

	/** Event handler attributes and script addresses anywhere in the document, as the browser parsed it. */
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
			new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).forEach(payloads::add);
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
			System.out.println("StoredXssBrowserIT: " + naughty.toAbsolutePath() + " is absent; naughty strings skipped");
		}
		return List.copyOf(payloads);
	}

	/** Payloads joined into texts of at most maxChars, each text as the list of its payloads. */
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
	 * Stores a batch as one text; when the site refuses the whole (a naughty string with a control character in
	 * it), each payload alone, so that one refused string does not hide the others. Returns the texts stored.
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
		// names, websites and e-mail addresses: one payload each (refused ones are refused, and that is fine)
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
					.postJson("/api/v1/articles/" + people + "/comments", Map.of("author", author, "body", "Named " + i));
			}
			if (response.status() < 300) {
				stored++;
			}
			if (i % (stride * 5) == 0) {
				// the e-mail field: a payload dressed as an address, which the site may take or refuse
				var email = http.from(newAddress())
					.postJson("/api/v1/articles/" + people + "/comments", Map.of("author",
							Map.of("name", "Mail " + i, "email", "x" + unique() + "+" + payload.replaceAll("\\s", "") + "@example.org"),
							"body", "Mailed " + i));
				assertThat(email.status()).isLessThan(500);
			}
		}
		assertThat(refusedUrls).as("websites that are not http(s) are refused").isGreaterThan(0);
		pages.add("/articles/" + slug);
		pages.add("/articles/" + people);

		// articles: titles and tags one payload each, leads and bodies in batches
		// one-line fields refuse control characters (a refusal the naughty strings meet): the rest, space-separated
		List<String> oneLine = payloads.stream().filter(p -> p.chars().noneMatch(c -> c < 0x20)).toList();
		List<String> leads = batches(oneLine, 2_000).stream().map(b -> String.join(" ", b)).toList();
		int articles = 0;
		for (int i = 0; i < payloads.size(); i += stride * 20) {
			String payload = payloads.get(i);
			String lead = leads.get(articles % leads.size());
			var response = http.bearer(editor)
				.postJson("/api/v1/articles", Map.of("title", payload.length() > 200 ? payload.substring(0, 200) : payload,
						"lead", lead, "body", leads.get((articles + 1) % leads.size()), "tags",
						List.of(payload.length() > 40 ? payload.substring(0, 40) : payload, "xss"), "status", "published"));
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
					.postJson("/api/v1/articles", Map.of("title", "Lead " + unique(), "lead", text, "body", text, "tags",
							List.of("xss"), "status", "published"));
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
						Map.of("file", new Http.FilePart(payload.replaceAll("[/\\\\]", "_") + ".jpg", "image/jpeg", jpeg()),
								"caption", captions.get(i), "credit", payload, "alt", payload));
			assertThat(response.status()).as("a photo with payloads: %s", response).isLessThan(500);
		}
		pages.add("/articles/" + gallery);
		pages.add("/");
		pages.add("/tags/xss");
		pages.add("/?page=2");
		System.out.printf("StoredXssBrowserIT: %d payloads, %d texts stored, %d pages to open%n", payloads.size(),
				stored, pages.size());

		var fired = new ArrayList<String>();
		var markup = new ArrayList<String>();
		int opened = 0;
		try (Browser browser = Browser.withJavaScript()) {
			install(browser);
			var queue = new ArrayList<>(pages);
			Set<String> seen = new LinkedHashSet<>(queue);
			for (int q = 0; q < queue.size(); q++) {
				String path = queue.get(q);
				var result = open(browser, http.url(path));
				opened++;
				result.fired().forEach(f -> fired.add(path + " -> " + f));
				result.markup().forEach(m -> markup.add(path + " -> " + m));
				// every page of a thread and of a listing
				for (Object next : (List<?>) ((JavascriptExecutor) browser.driver()).executeScript(
						"return Array.from(document.querySelectorAll('a[rel=next]')).map(a => a.getAttribute('href'))")) {
					String href = String.valueOf(next);
					String nextPath = href.startsWith("?") ? path.replaceAll("\\?.*", "") + href : href;
					if (nextPath.startsWith("/") && seen.add(nextPath.replaceAll("#.*", ""))) {
						queue.add(nextPath.replaceAll("#.*", ""));
					}
				}
			}
			fired.addAll(browser.cspViolations());
		}
		System.out.printf("StoredXssBrowserIT: %d pages opened, %d scripts run or CSP reports, %d dangerous markup%n",
				opened, fired.size(), markup.size());
		assertThat(fired).as("scripts that ran or CSP violations").isEmpty();
		assertThat(markup).as("event handlers or script addresses in the pages").isEmpty();
		assertThat(opened).isGreaterThan(pages.size() - 1);
	}

	record Opened(List<String> fired, List<String> markup) {
	}

	private static void install(Browser browser) {
		browser.driver().executeCdpCommand("Page.enable", Map.of());
		browser.driver().executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", DETECTOR));
	}

	@SuppressWarnings("unchecked")
	private static Opened open(Browser browser, String url) {
		var driver = browser.driver();
		driver.get(url);
		browser.waiting().until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
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
