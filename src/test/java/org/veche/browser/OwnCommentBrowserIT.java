package org.veche.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.veche.identity.Role;

/**
 * A guest posts with the script (the answer is JSON, and still sets the signed cookie of
 * their own comments), then edits and deletes the comment through the plain forms in
 * Chromium.
 */
class OwnCommentBrowserIT extends ScriptedBrowserTest {

	@Test
	void aGuestWhoPostedWithTheScriptEditsAndThenDeletesTheirComment() {
		String slug = publishArticle(tokenFor(Role.EDITOR), "Own comment in a browser " + unique());
		browser.actFrom(newAddress());
		driver.get(http.url("/articles/" + slug));
		fill("author", "Olena");
		fill("email", "olena" + unique() + "@example.org");
		fill("comment", "Teh typo");
		driver.findElement(By.cssSelector("#respond form.comment-form button.post-comment")).click();
		WebElement posted = browser.waiting()
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("ol.comment-list > li.comment")));
		String id = posted.getAttribute("data-id");

		driver.navigate().refresh();
		WebElement edit = browser.waiting()
			.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#comment-" + id + " a.edit-link")));
		edit.click();
		WebElement text = browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("comment")));
		assertThat(text.getAttribute("value")).isEqualTo("Teh typo");
		text.clear();
		text.sendKeys("The typo, fixed");
		driver.findElement(By.cssSelector("form.edit-form button.save")).click();

		WebElement edited = browser.waiting()
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#comment-" + id + " .comment-edited")));
		assertThat(edited.getText()).isEqualTo("edited");
		assertThat(driver.findElement(By.cssSelector("#comment-" + id + " .comment-text")).getText())
			.isEqualTo("The typo, fixed");

		driver.findElement(By.cssSelector("#comment-" + id + " a.edit-link")).click();
		browser.waiting()
			.until(ExpectedConditions.elementToBeClickable(By.cssSelector("form.delete-form button.delete")))
			.click();
		browser.waiting().until(ExpectedConditions.urlContains("/articles/" + slug));
		browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("respond")));
		assertThat(driver.findElements(By.id("comment-" + id))).as("an unanswered comment goes").isEmpty();
	}

	private void fill(String field, String text) {
		WebElement input = driver.findElement(By.id(field));
		input.clear();
		input.sendKeys(text);
	}

}
