package org.veche.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.veche.identity.Account;
import org.veche.identity.NewAccount;
import org.veche.identity.Role;
import org.veche.support.BrowserSession;
import org.veche.support.IntegrationTest;

/**
 * Two readers in two Chromium sessions on one article: what one posts appears for the
 * other without a reload, and so does an editor's live blog update.
 */
class LiveThreadBrowserIT extends IntegrationTest {

	/** The bar: another reader sees a new comment within two seconds. */
	private static final Duration WITHIN = Duration.ofSeconds(2);

	private Browser writer;

	private Browser watcher;

	@AfterEach
	void close() {
		if (writer != null) {
			writer.close();
		}
		if (watcher != null) {
			watcher.close();
		}
	}

	@Test
	void aCommentAndALiveUpdateAppearInTheOtherSessionWithoutAReload() {
		String email = "live-desk" + unique() + "@example.org";
		String password = "correct horse battery " + unique();
		Account editor = identity.createAccount(new NewAccount(email, password, "Live desk " + unique(), Role.EDITOR));
		var created = http.bearer(identity.createToken(editor.id(), "browser"))
			.postJson("/api/v1/articles",
					Map.of("title", "Two readers " + unique(), "lead", "Live", "body", "Body", "status", "published"));
		String slug = created.json().get("slug").asString();
		long articleId = created.json().get("id").asLong();

		writer = Browser.withJavaScript();
		watcher = Browser.withJavaScript();
		writer.actFrom(newAddress());
		watcher.actFrom(newAddress());
		ChromeDriver watching = watcher.driver();
		watching.get(http.url("/articles/" + slug));
		writer.driver().get(http.url("/articles/" + slug));
		// a reload would wipe this marker
		watching.executeScript("window.__noReload = 1");

		ChromeDriver writing = writer.driver();
		fill(writing, "author", "Iryna");
		fill(writing, "email", "iryna" + unique() + "@example.org");
		fill(writing, "comment", "Posted in one window, read in the other");
		writing.findElement(By.cssSelector("#respond form.comment-form button.post-comment")).click();
		writer.waiting()
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("ol.comment-list > li.comment")));

		WebElement arrived = new WebDriverWait(watching, WITHIN)
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("ol.comment-list > li.comment")));
		assertThat(arrived.findElement(By.cssSelector(".comment-text")).getText())
			.isEqualTo("Posted in one window, read in the other");
		assertThat(arrived.findElement(By.cssSelector(".comment-author")).getText()).isEqualTo("Iryna");
		assertThat(watching.findElements(By.cssSelector("ol.comment-list > li.comment"))).hasSize(1);

		// the editor starts a live blog and posts; both open pages show it at the top
		var desk = BrowserSession.signIn(http, email, password);
		String live = "/editor/articles/" + articleId + "/live";
		desk.postForm(live, Map.of("action", "start", "_csrf", BrowserSession.csrfToken(desk.get(live).html())));
		var posted = desk.postForm(live + "/updates",
				Map.of("text", "Crowd moves to the square", "_csrf", BrowserSession.csrfToken(desk.get(live).html())));
		assertThat(posted.status()).isEqualTo(302);
		for (Browser browser : new Browser[] { watcher, writer }) {
			WebElement update = new WebDriverWait(browser.driver(), WITHIN).until(
					ExpectedConditions.visibilityOfElementLocated(By.cssSelector("section.live-blog li.live-update")));
			assertThat(update.getText()).contains("Crowd moves to the square");
		}
		assertThat(watching.executeScript("return window.__noReload")).isEqualTo(1L);

		// a like in the writer's window moves the count in the watcher's
		writing.findElement(By.cssSelector("ol.comment-list > li.comment .like button")).click();
		new WebDriverWait(watching, WITHIN).until(ExpectedConditions
			.textToBe(By.cssSelector("ol.comment-list > li.comment .likes"), "Liked by 1 person"));

		assertThat(watcher.cspViolations()).isEmpty();
		assertThat(watcher.uncaughtErrors()).isEmpty();
		assertThat(writer.cspViolations()).isEmpty();
	}

	private static void fill(ChromeDriver driver, String field, String text) {
		WebElement input = driver.findElement(By.id(field));
		input.clear();
		input.sendKeys(text);
	}

}
