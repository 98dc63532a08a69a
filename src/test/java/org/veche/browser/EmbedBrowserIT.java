package org.veche.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.veche.embed.EmbedSupport;
import org.veche.embed.EmbeddedPages;
import org.veche.identity.NewAccount;
import org.veche.identity.Role;
import org.veche.support.IntegrationTest;

import com.sun.net.httpserver.HttpServer;

/**
 * Another site (a plain HTML page served by the JDK's HTTP server from 127.0.0.1, while
 * Veche answers on localhost: another origin, and another site for the browser's cookie
 * rules) embeds a discussion with the one script tag. A guest comments and replies
 * through it, likes, signs in through the Veche window, and the index page's counts fill
 * in; the thread's page on Veche shows the same comments. The host page makes no request
 * to anyone but itself and Veche.
 */
class EmbedBrowserIT extends IntegrationTest {

	private static final String POST_PATH = "/2021/01/31/post/";

	@Autowired
	EmbeddedPages pages;

	private HttpServer otherSite;

	private String otherOrigin;

	private Browser browser;

	private ChromeDriver driver;

	@BeforeEach
	void start() throws IOException {
		otherSite = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
		otherOrigin = "http://127.0.0.1:" + otherSite.getAddress().getPort();
		String veche = http.url("");
		serve(POST_PATH,
				"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>A post elsewhere</title>"
						+ "<style>li { color: rgb(255, 0, 0) } button { font-size: 40px }</style></head><body>"
						+ "<h1>A post elsewhere</h1><p>Words of another site.</p>"
						+ "<div id=\"veche-thread\" data-page=\"" + otherOrigin + POST_PATH + "\"></div>"
						+ "<script src=\"" + veche + "/embed.js\" async></script></body></html>");
		serve("/", "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Index</title></head><body>"
				+ "<a class=\"count\" href=\"" + POST_PATH + "\" data-veche-count=\"" + otherOrigin + POST_PATH
				+ "\">comments</a>" + "<a class=\"none\" href=\"/other/\" data-veche-count=\"" + otherOrigin
				+ "/other/\">comments</a>" + "<script src=\"" + veche + "/count.js\" async></script></body></html>");
		otherSite.start();
		EmbedSupport.allow(pages, otherOrigin);
		browser = Browser.withJavaScript();
		driver = browser.driver();
	}

	@AfterEach
	void stop() {
		if (browser != null) {
			browser.close();
		}
		if (otherSite != null) {
			otherSite.stop(0);
		}
	}

	private void serve(String path, String html) {
		otherSite.createContext(path, exchange -> {
			byte[] body = html.getBytes(StandardCharsets.UTF_8);
			boolean exact = exchange.getRequestURI().getPath().equals(path);
			exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
			exchange.sendResponseHeaders(exact ? 200 : 404, exact ? body.length : -1);
			if (exact) {
				exchange.getResponseBody().write(body);
			}
			exchange.close();
		});
	}

	private SearchContext thread() {
		return driver.findElement(By.id("veche-thread")).getShadowRoot();
	}

	private WebElement inThread(String css) {
		try {
			return browser.waiting().until(d -> {
				var found = thread().findElements(By.cssSelector(css));
				return found.isEmpty() ? null : found.get(0);
			});
		}
		catch (org.openqa.selenium.TimeoutException ex) {
			throw new AssertionError("no " + css + " in the embedded thread; the console said: "
					+ browser.console().stream().map(e -> e.getMessage()).toList(), ex);
		}
	}

	private void waitForText(String css, String text) {
		waitInThread(
				d -> thread().findElements(By.cssSelector(css)).stream().anyMatch(e -> e.getText().contains(text)));
	}

	@Test
	void aGuestCommentsAndRepliesOnAnotherSiteAndVecheShowsBoth() {
		driver.get(otherOrigin + POST_PATH);
		assertThat(inThread("h2.count").getText()).isEqualTo("No comments yet");

		assertThat(inThread(".comment-notify legend").getText()).isEqualTo("Notifications by e-mail");
		inThread("#author").sendKeys("Guest Elsewhere");
		inThread("#email").sendKeys("guest" + unique() + "@example.org");
		inThread("#comment").sendKeys("A comment from another site");
		post("li.comment.is-new .text", "A comment from another site");
		waitForText("h2.count", "1 comment");
		// the host page's styles stay outside the shadow root
		assertThat(inThread("li.comment").getCssValue("color")).isNotEqualTo("rgba(255, 0, 0, 1)");

		inThread("li.comment button.reply").click();
		assertThat(inThread(".replying-to").getText()).startsWith("Replying to Guest Elsewhere");
		WebElement comment = inThread("#comment");
		comment.sendKeys("And a reply to it");
		post("li.comment .replies li.comment .text", "And a reply to it");

		inThread("li.comment button.like").click();
		waitForText("li.comment .liked-by", "Liked by 1 person");

		String articlePath = pages.find(otherOrigin + POST_PATH).orElseThrow().articlePath();
		assertThat(thread().findElements(By.cssSelector("a.on-site"))).as("no thread page before the first comment")
			.isEmpty();
		driver.navigate().refresh();
		assertThat(inThread("a.on-site").getAttribute("href")).isEqualTo(http.url(articlePath));
		assertThat(inThread("h2.count").getText()).isEqualTo("2 comments");
		assertThat(inThread("li.comment button.like").getAttribute("aria-pressed"))
			.as("the like is remembered by the reader key this page keeps")
			.isEqualTo("true");
		assertThat(requestedOrigins()).allMatch(url -> url.startsWith(otherOrigin) || url.startsWith(http.url("")));
		assertThat(browser.uncaughtErrors()).isEmpty();

		driver.get(http.url(articlePath));
		assertThat(driver.findElement(By.cssSelector("h1")).getText()).isEqualTo("A post elsewhere");
		assertThat(driver.findElement(By.cssSelector(".original-page a")).getAttribute("href"))
			.isEqualTo(otherOrigin + "/2021/01/31/post");
		List<String> texts = driver.findElements(By.cssSelector("#comments .comment-text"))
			.stream()
			.map(WebElement::getText)
			.toList();
		assertThat(texts).containsExactly("A comment from another site", "And a reply to it");
		assertThat(driver.findElement(By.cssSelector("#comments li.comment li.comment .comment-text")).getText())
			.isEqualTo("And a reply to it");
		assertThat(browser.cspViolations()).isEmpty();

		driver.get(otherOrigin + "/");
		new WebDriverWait(driver, Duration.ofSeconds(10))
			.until(d -> d.findElement(By.cssSelector("a.count")).getText().equals("2 comments"));
		assertThat(driver.findElement(By.cssSelector("a.none")).getText()).isEqualTo("No comments yet");
	}

	@Test
	void aReaderSignsInThroughTheVecheWindowAndCommentsAsTheirAccount() {
		String email = "embedded" + unique() + "@example.org";
		String password = "correct horse battery staple";
		identity.createAccount(new NewAccount(email, password, "Window Reader", Role.READER));
		driver.get(otherOrigin + POST_PATH);
		String hostWindow = driver.getWindowHandle();

		inThread("button.sign-in").click();
		browser.waiting().until(d -> d.getWindowHandles().size() == 2);
		String signInWindow = driver.getWindowHandles()
			.stream()
			.filter(h -> !h.equals(hostWindow))
			.findFirst()
			.orElseThrow();
		driver.switchTo().window(signInWindow);
		browser.waiting().until(d -> !d.findElements(By.id("username")).isEmpty());
		assertThat(driver.getCurrentUrl()).startsWith(http.url("/login"));
		driver.findElement(By.id("username")).sendKeys(email);
		driver.findElement(By.id("password")).sendKeys(password);
		driver.findElement(By.cssSelector("main form button[type=submit]")).click();
		browser.waiting().until(d -> !d.findElements(By.cssSelector("button.embed-confirm")).isEmpty());
		assertThat(driver.findElement(By.cssSelector(".embed-sign-in p")).getText()).contains(otherOrigin);
		driver.findElement(By.cssSelector("button.embed-confirm")).click();
		browser.waiting().until(d -> d.getWindowHandles().size() == 1);
		driver.switchTo().window(hostWindow);

		assertThat(inThread(".commenting-with").getText()).isEqualTo("You are commenting as Window Reader.");
		assertThat(thread().findElements(By.cssSelector("#author"))).isEmpty();
		inThread("#comment").sendKeys("Signed in through the window");
		post("li.comment.is-new .author", "Window Reader");

		inThread("button.sign-out").click();
		inThread("#author");
		assertThat(thread().findElements(By.cssSelector(".commenting-as"))).isEmpty();
		assertThat(browser.uncaughtErrors()).isEmpty();
	}

	/**
	 * Posts the form and waits for the text to appear. Every request of this browser
	 * comes from loopback (the driver's X-Forwarded-For trick would be a header the CORS
	 * preflight refuses), so two posts within the flood interval meet the limit: then the
	 * form shows the site's message, keeps the text, and is posted again.
	 */
	private void post(String css, String text) {
		inThread("button.post-comment").click();
		String outcome = waitInThread(d -> {
			if (thread().findElements(By.cssSelector(css)).stream().anyMatch(e -> e.getText().contains(text))) {
				return "posted";
			}
			return thread().findElements(By.cssSelector(".comment-form .error"))
				.stream()
				.anyMatch(e -> e.getText().startsWith("You are posting comments too quickly")) ? "flooded" : null;
		});
		if (outcome.equals("flooded")) {
			sleep(Duration.ofSeconds(11));
			inThread("button.post-comment").click();
			waitForText(css, text);
		}
	}

	private <T> T waitInThread(java.util.function.Function<org.openqa.selenium.WebDriver, T> condition) {
		try {
			return browser.waiting().until(condition);
		}
		catch (org.openqa.selenium.TimeoutException ex) {
			throw new AssertionError("the embedded thread did not change as expected; it shows: "
					+ thread().findElements(By.cssSelector("section")).stream().map(WebElement::getText).toList()
					+ "; the console said: " + browser.console().stream().map(e -> e.getMessage()).toList(), ex);
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Every address the host page loaded or fetched, as the browser's resource timing
	 * lists them.
	 */
	@SuppressWarnings("unchecked")
	private List<String> requestedOrigins() {
		var urls = (List<Object>) driver
			.executeScript("return performance.getEntriesByType('resource').map(function (e) { return e.name; })");
		assertThat(urls).isNotEmpty();
		return urls.stream().map(String::valueOf).toList();
	}

}
