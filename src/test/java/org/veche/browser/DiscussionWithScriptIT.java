package org.veche.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.veche.identity.Role;

/**
 * The discussion as a reader with JavaScript sees it: comments, replies and likes happen
 * in place, and a reload shows the same thread the script built.
 */
class DiscussionWithScriptIT extends ScriptedBrowserTest {

	@Test
	void aCommentAReplyAndALikeHappenInPlaceAndSurviveAReload() {
		String slug = publishArticle(tokenFor(Role.EDITOR), "Browser with script " + unique());
		browser.actFrom(newAddress());
		driver.get(http.url("/articles/" + slug));
		// a full page load would wipe this marker: its survival proves the comment came
		// in without one
		driver.executeScript("window.__noReload = 1");

		fill("author", "Ada");
		fill("email", "ada" + unique() + "@example.org");
		fill("comment", "First words from a real browser");
		submitCommentForm();
		WebElement first = browser.waiting()
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("ol.comment-list > li.comment")));
		assertThat(first.findElement(By.cssSelector(".comment-text")).getText())
			.isEqualTo("First words from a real browser");
		assertThat(first.findElement(By.cssSelector(".comment-author")).getText()).isEqualTo("Ada");
		assertThat(driver.executeScript("return window.__noReload")).isEqualTo(1L);
		String firstId = first.getAttribute("data-id");
		assertThat(first.getAttribute("id")).isEqualTo("comment-" + firstId);

		// another reader answers: the form comes to the comment instead of the page
		// reloading
		browser.actFrom(newAddress());
		first.findElement(By.cssSelector(".reply-link")).click();
		assertThat(driver.findElements(By.cssSelector("#comment-" + firstId + " > #respond"))).hasSize(1);
		WebElement replyingTo = driver.findElement(By.cssSelector("#respond .replying-to"));
		assertThat(replyingTo.isDisplayed()).isTrue();
		assertThat(replyingTo.getText()).startsWith("Replying to Ada");
		assertThat(driver.findElement(By.cssSelector("#respond input[name=comment_parent]")).getAttribute("value"))
			.isEqualTo(firstId);
		fill("author", "Grace");
		fill("email", "grace" + unique() + "@example.org");
		fill("comment", "A reply, nested where it belongs");
		submitCommentForm();
		WebElement reply = browser.waiting()
			.until(ExpectedConditions
				.presenceOfElementLocated(By.cssSelector("#comment-" + firstId + " > ol.children > li.comment")));
		assertThat(reply.findElement(By.cssSelector(".comment-author")).getText()).isEqualTo("Grace");
		assertThat(reply.findElement(By.cssSelector(".comment-text")).getText())
			.isEqualTo("A reply, nested where it belongs");
		String replyId = reply.getAttribute("data-id");
		assertThat(driver.executeScript("return window.__noReload")).isEqualTo(1L);
		// the form went back home under the thread, no longer replying to anyone
		assertThat(driver.findElements(By.cssSelector("li.comment #respond"))).isEmpty();
		assertThat(driver.findElement(By.cssSelector("#respond .replying-to")).isDisplayed()).isFalse();

		WebElement like = driver.findElement(By.cssSelector("#comment-" + firstId + " > .comment-body .like button"));
		assertThat(like.getAttribute("aria-pressed")).isEqualTo("false");
		like.click();
		By firstLikes = By.cssSelector("#comment-" + firstId + " > .comment-body .likes");
		browser.waiting().until(ExpectedConditions.textToBe(firstLikes, "Liked by 1 person"));
		assertThat(like.getAttribute("aria-pressed")).isEqualTo("true");
		assertThat(driver.executeScript("return window.__noReload")).isEqualTo(1L);

		driver.navigate().refresh();
		By pressed = By.cssSelector("#comment-" + firstId + " > .comment-body .like button[aria-pressed=true]");
		// the server renders every button unpressed; the script asks which ones this
		// browser likes
		browser.waiting().until(ExpectedConditions.presenceOfElementLocated(pressed));
		assertThat(driver.executeScript("return window.__noReload")).isNull();
		assertThat(driver.findElements(By.cssSelector("ol.comment-list > li.comment"))).hasSize(1);
		assertThat(
				driver.findElement(By.cssSelector("#comment-" + firstId + " > .comment-body .comment-text")).getText())
			.isEqualTo("First words from a real browser");
		WebElement nested = driver
			.findElement(By.cssSelector("#comment-" + firstId + " > ol.children > li#comment-" + replyId));
		assertThat(nested.findElement(By.cssSelector(".comment-text")).getText())
			.isEqualTo("A reply, nested where it belongs");
		assertThat(driver.findElement(firstLikes).getText()).isEqualTo("Liked by 1 person");
		assertThat(driver.findElement(By.cssSelector("#comment-" + replyId + " .like button"))
			.getAttribute("aria-pressed")).isEqualTo("false");

		assertThat(browser.cspViolations()).isEmpty();
		assertThat(browser.uncaughtErrors()).isEmpty();
	}

	/**
	 * The console check above must be able to fail: an inline script is refused by the
	 * policy and reported.
	 */
	@Test
	void theConsoleCheckSeesACspViolation() {
		String slug = publishArticle(tokenFor(Role.EDITOR), "Browser CSP probe " + unique());
		driver.get(http.url("/articles/" + slug));
		assertThat(browser.cspViolations()).isEmpty();
		driver.executeScript("var s = document.createElement('script'); s.textContent = 'window.__inline = 1';"
				+ " document.head.appendChild(s);");
		assertThat(driver.executeScript("return window.__inline")).isNull();
		assertThat(browser.cspViolations()).singleElement().asString().contains("script-src 'self'");
	}

	private void fill(String field, String text) {
		WebElement input = driver.findElement(By.id(field));
		input.clear();
		input.sendKeys(text);
	}

	private void submitCommentForm() {
		driver.findElement(By.cssSelector("#respond form.comment-form button.post-comment")).click();
	}

}
