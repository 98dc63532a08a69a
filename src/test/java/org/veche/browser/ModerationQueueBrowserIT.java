package org.veche.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.veche.identity.NewAccount;
import org.veche.identity.Role;
import org.veche.moderation.DiscussionRules;
import org.veche.moderation.filter.FilterTask;
import org.veche.moderation.filter.LearningFilter;
import org.veche.moderation.internal.RuleSettings;
import org.veche.support.IntegrationTest;

/**
 * A moderator in Chromium: sees a held comment with the reason it was held, approves it
 * with the keyboard (j, then a), and the comment is on the article page.
 */
class ModerationQueueBrowserIT extends IntegrationTest {

	@Autowired
	private RuleSettings settings;

	private DiscussionRules before;

	private Browser browser;

	private ChromeDriver driver;

	@BeforeEach
	void holdFirstCommentsAndOpenBrowser() {
		before = settings.rules();
		settings.save(new DiscussionRules(before.holdLinks(), before.moderationWords(), before.disallowedWords(), true,
				before.nameAndEmailRequired(), before.closeAfterDays(), before.floodInterval(), before.maxLength(),
				before.guestsMayComment(), before.reportsToHold(), before.filterHold(), before.filterSpam(),
				before.raidSize()));
		browser = Browser.withJavaScript();
		driver = browser.driver();
	}

	@Autowired
	private LearningFilter filter;

	@AfterEach
	void restore() {
		settings.save(before);
		// the approval taught the shared filter: leave it cold for the next test
		filter.reset(FilterTask.SPAM);
		filter.reset(FilterTask.ABUSE);
		if (browser != null) {
			browser.close();
		}
	}

	@Test
	void aModeratorSeesWhyACommentWasHeldApprovesItAndItAppears() {
		String slug = publishArticle(tokenFor(Role.EDITOR), "Held in the browser " + unique());
		var payload = new HashMap<String, Object>();
		payload.put("author", Map.of("name", "Newcomer", "email", "new" + unique() + "@example.org"));
		payload.put("body", "My first comment on this site");
		var posted = http.from(newAddress()).postJson("/api/v1/articles/" + slug + "/comments", payload);
		assertThat(posted.status()).isEqualTo(202);
		long id = posted.json().get("id").asLong();

		driver.get(http.url("/articles/" + slug));
		assertThat(driver.findElements(By.id("comment-" + id))).isEmpty();

		String email = "moderator" + unique() + "@example.org";
		String password = "correct horse battery " + unique();
		identity.createAccount(new NewAccount(email, password, "Mira Moderator", Role.MODERATOR));
		driver.get(http.url("/login"));
		driver.findElement(By.id("username")).sendKeys(email);
		driver.findElement(By.id("password")).sendKeys(password);
		driver.findElement(By.cssSelector("form button[type=submit]")).click();
		browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".signed-in")));

		driver.get(http.url("/moderation"));
		WebElement item = driver.findElement(By.id("item-" + id));
		assertThat(item.findElement(By.cssSelector(".comment-text")).getText())
			.isEqualTo("My first comment on this site");
		assertThat(item.findElement(By.cssSelector(".reasons .reason")).getText())
			.isEqualTo("The author has no approved comment yet");
		assertThat(item.findElement(By.cssSelector(".on-article a")).getAttribute("href"))
			.endsWith("/articles/" + slug);

		// the newest held comment is the first item: j selects it, a approves it
		assertThat(driver.findElements(By.cssSelector(".queue-item")).getFirst().getAttribute("id"))
			.isEqualTo("item-" + id);
		new Actions(driver).sendKeys("j").perform();
		browser.waiting().until(ExpectedConditions.attributeContains(By.id("item-" + id), "class", "is-current"));
		new Actions(driver).sendKeys("a").perform();
		browser.waiting()
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".moderation-queue .notice")));
		assertThat(driver.findElements(By.id("item-" + id))).isEmpty();

		driver.get(http.url("/articles/" + slug));
		WebElement shown = driver.findElement(By.id("comment-" + id));
		assertThat(shown.findElement(By.cssSelector(".comment-text")).getText())
			.isEqualTo("My first comment on this site");
		assertThat(browser.cspViolations()).isEmpty();
		assertThat(browser.uncaughtErrors()).isEmpty();
	}

}
