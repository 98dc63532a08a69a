package org.veche.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.veche.identity.Role;
import org.veche.support.Http;

/**
 * What a reader's browser, with JavaScript on, fetches and keeps: every request an
 * article page, its comment form and a photo story make goes to the site's own origin,
 * and no cookie exists until the reader acts (here: a like).
 */
class PrivacyBrowserIT extends ScriptedBrowserTest {

	private static byte[] photo(int width, int height, Color colour) throws IOException {
		var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		var g = image.createGraphics();
		g.setColor(colour);
		g.fillRect(0, 0, width, height);
		g.setColor(Color.WHITE);
		g.fillOval(width / 4, height / 4, width / 2, height / 2);
		g.dispose();
		var out = new ByteArrayOutputStream();
		ImageIO.write(image, "jpeg", out);
		return out.toByteArray();
	}

	/**
	 * The requests since the last look that left the site's origin (data: URLs are the
	 * page's own bytes).
	 */
	private List<String> foreign(List<String> urls) {
		String origin = http.url("/").replaceAll("/$", "");
		var foreign = new ArrayList<String>();
		for (String url : urls) {
			if (!url.startsWith(origin + "/") && !url.equals(origin) && !url.startsWith("data:")) {
				foreign.add(url);
			}
		}
		return foreign;
	}

	@Test
	void anArticleItsCommentFormAndAPhotoStoryRequestNothingFromElsewhereAndSetNoCookie() throws Exception {
		String editor = tokenFor(Role.EDITOR);
		String slug = publishArticle(editor, "Own origin " + unique());
		postComment(slug, null, "Earlier reader",
				"A comment **to like**, with a [link](https://example.org/elsewhere)");
		var published = http.bearer(editor)
			.postJson("/api/v1/articles", Map.of("title", "Crowd " + unique(), "lead", "People", "body", "Photos",
					"kind", "photo_story", "status", "published"));
		String crowd = published.json().get("slug").asString();
		for (Color colour : new Color[] { Color.GREEN, Color.ORANGE, Color.MAGENTA }) {
			http.bearer(editor)
				.postMultipart("/api/v1/articles/" + crowd + "/photos", Map.of("file",
						new Http.FilePart("p.jpg", "image/jpeg", photo(1700, 1100, colour)), "alt", "Crowd"));
		}
		browser.actFrom(newAddress());
		browser.requestedUrls();

		driver.get(http.url("/articles/" + slug));
		driver.findElement(By.id("author")).sendKeys("Typing reader");
		driver.findElement(By.id("comment")).sendKeys("Typing, not yet posting");
		driver.findElement(By.cssSelector(".reply-link")).click();
		var articleRequests = browser.requestedUrls();
		var articleCookies = driver.manage().getCookies();
		driver.get(http.url("/articles/" + crowd));
		driver.executeScript("window.scrollTo(0, document.body.scrollHeight)");
		browser.waiting()
			.until(d -> ((ChromeDriver) d)
				.executeScript("return Array.from(document.images).every(i => i.complete && i.naturalWidth > 0)")
				.equals(true));
		var storyRequests = browser.requestedUrls();
		var storyCookies = driver.manage().getCookies();
		driver.get(http.url("/privacy"));
		var privacyRequests = browser.requestedUrls();

		assertThat(articleRequests).as("the article page loaded its own script and style")
			.anyMatch(u -> u.endsWith("/js/site.js"))
			.anyMatch(u -> u.endsWith("/css/site.css"));
		assertThat(storyRequests).as("the photo story loaded its photos").anyMatch(u -> u.contains("/media/"));
		assertThat(storyRequests).as("as WebP, which Chromium prefers").anyMatch(u -> u.endsWith(".webp"));
		assertThat(foreign(articleRequests)).as("article and comment form").isEmpty();
		assertThat(foreign(storyRequests)).as("photo story").isEmpty();
		assertThat(foreign(privacyRequests)).as("privacy page").isEmpty();
		assertThat(articleCookies).as("no cookie before the reader acts").isEmpty();
		assertThat(storyCookies).isEmpty();
		assertThat(driver.manage().getCookies()).isEmpty();
		assertThat(browser.cspViolations()).isEmpty();

		// acting is what sets one: a guest's like names the browser
		driver.get(http.url("/articles/" + slug));
		driver.findElement(By.cssSelector("form.like button")).click();
		browser.waiting()
			.until(ExpectedConditions.attributeToBe(By.cssSelector("form.like button"), "aria-pressed", "true"));
		assertThat(driver.manage().getCookies()).extracting(Cookie::getName).containsExactly("veche_reader");
		assertThat(foreign(browser.requestedUrls())).as("liking").isEmpty();
	}

}
