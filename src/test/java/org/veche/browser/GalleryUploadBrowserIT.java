package org.veche.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.veche.identity.NewAccount;
import org.veche.identity.Role;
import org.veche.media.PhotoLibrary;
import org.veche.publishing.ArticleLookup;

/**
 * Several photos chosen at once in the gallery editor go up one at a time with a progress
 * bar each; a refused one says why beside its name, the others are stored, and a clean
 * upload reloads the gallery.
 */
class GalleryUploadBrowserIT extends ScriptedBrowserTest {

	@Autowired
	private ArticleLookup publishing;

	@Autowired
	private PhotoLibrary photos;

	@Test
	void eachChosenPhotoHasItsProgressAndARefusedOneSaysWhy() throws Exception {
		String email = "gallery" + unique() + "@example.org";
		identity.createAccount(new NewAccount(email, "correct horse battery staple", "Gallery editor", Role.EDITOR));
		String slug = publishArticle(tokenFor(Role.EDITOR), "Gallery upload " + unique());
		long id = publishing.article(slug).orElseThrow().id();
		Path folder = Files.createTempDirectory("veche-upload");
		Path first = Files.write(folder.resolve("first.png"), PhotoViewerBrowserIT.picture(0));
		Path broken = Files.write(folder.resolve("broken.png"), "not an image at all".getBytes());
		Path third = Files.write(folder.resolve("third.png"), PhotoViewerBrowserIT.picture(2));

		driver.get(http.url("/login"));
		driver.findElement(By.name("username")).sendKeys(email);
		driver.findElement(By.name("password")).sendKeys("correct horse battery staple");
		driver.findElement(By.cssSelector("main form button[type=submit]")).click();
		browser.waiting().until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
		driver.get(http.url("/editor/articles/" + id + "/photos"));

		WebElement input = driver.findElement(By.cssSelector("form.upload input[type=file]"));
		input.sendKeys(first + "\n" + broken + "\n" + third);
		driver.findElement(By.cssSelector("form.upload button[type=submit]")).click();

		browser.waiting()
			.until(d -> d.findElements(By.cssSelector(".upload-progress li .state")).size() == 3
					&& d.findElements(By.cssSelector(".upload-progress li .state"))
						.stream()
						.noneMatch(s -> s.getText().equals("Waiting") || s.getText().equals("Uploading…")));
		var rows = driver.findElements(By.cssSelector(".upload-progress li"));
		assertThat(rows.get(0).getText()).contains("first.png").contains("Uploaded");
		assertThat(rows.get(1).getText()).contains("broken.png")
			.contains("Not uploaded: This file is not a JPEG, PNG or WebP image.");
		assertThat(rows.get(2).getText()).contains("third.png").contains("Uploaded");
		assertThat(rows.get(0).findElement(By.tagName("progress")).getAttribute("value")).isEqualTo("100");
		assertThat(photos.gallery(id)).hasSize(2);

		// a clean upload of several: the gallery comes back with them
		input = driver.findElement(By.cssSelector("form.upload input[type=file]"));
		input.sendKeys(first + "\n" + third);
		driver.findElement(By.cssSelector("form.upload button[type=submit]")).click();
		browser.waiting().until(d -> d.findElements(By.cssSelector("ol.gallery-items > li")).size() == 4);
		assertThat(photos.gallery(id)).hasSize(4);
		assertThat(browser.cspViolations()).isEmpty();
		assertThat(browser.uncaughtErrors()).isEmpty();
	}

}
