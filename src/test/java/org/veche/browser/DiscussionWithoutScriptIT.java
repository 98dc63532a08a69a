package org.veche.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.veche.identity.Role;
import org.veche.support.IntegrationTest;

/**
 * The discussion in a browser with JavaScript off: every step is a plain form and a
 * redirect, and still a reader can comment, reply, like, and correct a refused comment
 * without losing it.
 */
class DiscussionWithoutScriptIT extends IntegrationTest {

	private Browser browser;

	private ChromeDriver driver;

	@BeforeEach
	void openBrowser() {
		browser = Browser.withoutJavaScript();
		driver = browser.driver();
	}

	@AfterEach
	void closeBrowser() {
		if (browser != null) {
			browser.close();
		}
	}

	@Test
	void commentingReplyingLikingAndARefusedCommentWorkAsPlainForms() {
		String slug = publishArticle(tokenFor(Role.EDITOR), "Browser without script " + unique());
		browser.actFrom(newAddress());
		driver.get(http.url("/articles/" + slug));

		fill("author", "Ada");
		fill("email", "ada" + unique() + "@example.org");
		fill("comment", "Posted with JavaScript off");
		submitCommentForm();
		// the redirect lands on the new comment's anchor, and the browser scrolls it into
		// view as :target
		String firstId = commentIdInAnchor();
		assertThat(driver.getCurrentUrl()).endsWith("#comment-" + firstId);
		WebElement target = driver.findElement(By.cssSelector(":target"));
		assertThat(target.getAttribute("id")).isEqualTo("comment-" + firstId);
		assertThat(target.findElement(By.cssSelector(".comment-author")).getText()).isEqualTo("Ada");
		assertThat(target.findElement(By.cssSelector(".comment-text")).getText())
			.isEqualTo("Posted with JavaScript off");
		// with the script running, the fresh comment would be marked; here nothing ran
		assertThat(target.getAttribute("class")).doesNotContain("is-new");

		browser.actFrom(newAddress());
		clickAndWaitForNextPage(target.findElement(By.cssSelector(".reply-link")));
		assertThat(driver.getCurrentUrl()).contains("replytocom=" + firstId).endsWith("#respond");
		WebElement replyingTo = driver.findElement(By.cssSelector("#respond .replying-to"));
		assertThat(replyingTo.isDisplayed()).isTrue();
		assertThat(replyingTo.getText()).startsWith("Replying to Ada");
		assertThat(driver.findElement(By.cssSelector("#respond input[name=comment_parent]")).getAttribute("value"))
			.isEqualTo(firstId);
		fill("author", "Grace");
		fill("email", "grace" + unique() + "@example.org");
		fill("comment", "A reply without a script");
		submitCommentForm();
		String replyId = commentIdInAnchor();
		assertThat(replyId).isNotEqualTo(firstId);
		WebElement reply = driver
			.findElement(By.cssSelector("#comment-" + firstId + " > ol.children > li#comment-" + replyId));
		assertThat(driver.findElement(By.cssSelector(":target")).getAttribute("id")).isEqualTo("comment-" + replyId);
		assertThat(reply.findElement(By.cssSelector(".comment-author")).getText()).isEqualTo("Grace");
		assertThat(reply.findElement(By.cssSelector(".comment-text")).getText()).isEqualTo("A reply without a script");

		By firstLikes = By.cssSelector("#comment-" + firstId + " > .comment-body .likes");
		assertThat(driver.findElement(firstLikes).getText()).isEqualTo("Be the first to like this");
		clickAndWaitForNextPage(
				driver.findElement(By.cssSelector("#comment-" + firstId + " > .comment-body form.like button")));
		assertThat(driver.getCurrentUrl()).endsWith("#comment-" + firstId);
		assertThat(driver.findElement(firstLikes).getText()).isEqualTo("Liked by 1 person");

		// the form has novalidate, so the browser sends the empty e-mail and the server
		// answers
		browser.actFrom(newAddress());
		driver.get(http.url("/articles/" + slug));
		fill("author", "Hedy");
		fill("email", "");
		fill("comment", "Words I do not want to type twice");
		submitCommentForm();
		WebElement error = driver.findElement(By.cssSelector("#respond .form-error"));
		assertThat(error.isDisplayed()).isTrue();
		assertThat(error.getText()).isEqualTo("Please give your e-mail address. It will not be shown.");
		assertThat(driver.findElement(By.id("comment")).getAttribute("value"))
			.isEqualTo("Words I do not want to type twice");
		assertThat(driver.findElement(By.id("author")).getAttribute("value")).isEqualTo("Hedy");
		// and the refused comment was not posted
		driver.get(http.url("/articles/" + slug));
		assertThat(driver.findElements(By.cssSelector("li.comment"))).hasSize(2);

		assertThat(browser.cspViolations()).isEmpty();
	}

	private String commentIdInAnchor() {
		String url = driver.getCurrentUrl();
		assertThat(url).matches(".*#comment-\\d+");
		return url.substring(url.lastIndexOf("#comment-") + "#comment-".length());
	}

	private void fill(String field, String text) {
		WebElement input = driver.findElement(By.id(field));
		input.clear();
		input.sendKeys(text);
	}

	private void submitCommentForm() {
		clickAndWaitForNextPage(driver.findElement(By.cssSelector("#respond form.comment-form button.post-comment")));
	}

	/**
	 * A click that submits a form or follows a link returns before the next page has
	 * loaded: wait for it.
	 */
	private void clickAndWaitForNextPage(WebElement element) {
		WebElement page = driver.findElement(By.tagName("html"));
		element.click();
		new WebDriverWait(driver, java.time.Duration.ofSeconds(20)).until(ExpectedConditions.stalenessOf(page));
	}

}
