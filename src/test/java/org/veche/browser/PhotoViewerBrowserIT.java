package org.veche.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.veche.identity.Role;
import org.veche.publishing.ArticleLookup;
import org.veche.publishing.Newsroom;
import org.veche.support.Http;

/**
 * The photo story's full-screen viewer in Chromium: opened from a photo, moved with the
 * arrow keys and a swipe, caption and credit shown, the photo's own address in the
 * location bar, closed with Escape; and the same links without JavaScript open the photo
 * pages. Takes the README's screenshots of the viewer and the front page (into
 * docs/screenshots with -Dveche.screenshots=true, else into target/screenshots).
 */
class PhotoViewerBrowserIT extends ScriptedBrowserTest {

	@Autowired
	private ArticleLookup publishing;

	@Autowired
	private Newsroom newsroom;

	private static final String[][] PHOTOS = { { "Boats at the pier before dawn", "Photo: Ivan Franko", "Boats" },
			{ "Nets drying on the harbour wall", "Фото: Леся Українка", "Nets" },
			{ "Gulls over the fish market", "Mykola Lysenko", "Gulls" } };

	private String story(String token, String title) {
		var created = http.bearer(token)
			.postJson("/api/v1/articles",
					Map.of("title", title, "lead", "A morning at the harbour, from the first boats to the market.",
							"body", "Pictures from the harbour.", "tags", List.of("harbour", "photo"), "status",
							"published", "kind", "photo_story"));
		assertThat(created.status()).as("%s", created).isEqualTo(201);
		String slug = created.json().get("slug").asString();
		Long cover = null;
		for (int i = 0; i < PHOTOS.length; i++) {
			var uploaded = http.bearer(token)
				.postMultipart("/api/v1/articles/" + slug + "/photos",
						Map.of("file", new Http.FilePart("p" + i + ".png", "image/png", picture(i)), "caption",
								PHOTOS[i][0], "credit", PHOTOS[i][1], "alt", PHOTOS[i][2]));
			assertThat(uploaded.status()).as("%s", uploaded).isEqualTo(201);
			if (cover == null) {
				cover = uploaded.json().get("id").asLong();
			}
		}
		newsroom.setCover(publishing.article(slug).orElseThrow().id(), cover);
		return slug;
	}

	/** A drawn harbour scene in flat colours (small files, small screenshots). */
	static byte[] picture(int scene) {
		var image = new BufferedImage(1200, 800, BufferedImage.TYPE_INT_RGB);
		var g = image.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		Color[][] palettes = { { new Color(0x2b4a6f), new Color(0xf2a65a), new Color(0x1d3557) },
				{ new Color(0x6d9dc5), new Color(0xfdf0d5), new Color(0x264653) },
				{ new Color(0x9b5de5), new Color(0xf15bb5), new Color(0x3a0ca3) } };
		Color[] p = palettes[scene % palettes.length];
		g.setPaint(new GradientPaint(0, 0, p[0], 0, 520, p[1]));
		g.fillRect(0, 0, 1200, 520);
		g.setColor(p[2]);
		g.fillRect(0, 520, 1200, 280);
		g.setColor(new Color(255, 255, 255, 200));
		g.fillOval(860 - scene * 180, 120, 130, 130);
		g.setColor(new Color(0x222222));
		for (int b = 0; b < 4; b++) {
			int x = 120 + b * 260 + scene * 30;
			g.fillPolygon(new Polygon(new int[] { x, x + 200, x + 170, x + 30 }, new int[] { 560, 560, 620, 620 }, 4));
			g.fillRect(x + 95, 420, 8, 140);
		}
		g.dispose();
		var out = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", out);
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
		return out.toByteArray();
	}

	private String position() {
		return driver.findElement(By.cssSelector(".viewer .viewer-position")).getText();
	}

	private void key(CharSequence key) {
		driver.switchTo().activeElement().sendKeys(key);
	}

	@Test
	void aPhotoOpensTheViewerThatKeysAndSwipesMoveAndEscapeCloses() throws Exception {
		String token = tokenFor(Role.EDITOR);
		String slug = story(token, "Harbour at dawn " + unique());
		driver.get(http.url("/articles/" + slug));

		WebElement second = driver.findElement(By.cssSelector("section.gallery a.photo-link"));
		assertThat(second.getAttribute("href")).endsWith("/articles/" + slug + "/photos/2");
		second.click();

		WebElement viewer = browser.waiting()
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".viewer")));
		assertThat(viewer.getAttribute("role")).isEqualTo("dialog");
		assertThat(position()).isEqualTo("2 of 3");
		assertThat(viewer.findElement(By.cssSelector(".viewer-caption .caption")).getText()).isEqualTo(PHOTOS[1][0]);
		assertThat(viewer.findElement(By.cssSelector(".viewer-caption .credit")).getText())
			.isEqualTo("Photo: Леся Українка");
		assertThat(viewer.findElement(By.cssSelector(".viewer-stage img")).getAttribute("alt")).isEqualTo("Nets");
		assertThat(driver.getCurrentUrl()).as("the photo's own address").endsWith("/articles/" + slug + "/photos/2");
		assertThat(driver.switchTo().activeElement().getAttribute("class")).isEqualTo("viewer-close");

		key(Keys.ARROW_RIGHT);
		assertThat(position()).isEqualTo("3 of 3");
		assertThat(driver.findElement(By.cssSelector(".viewer-next")).isEnabled()).isFalse();
		assertThat(driver.getCurrentUrl()).endsWith("/photos/3");
		key(Keys.ARROW_RIGHT);
		assertThat(position()).as("no photo after the last").isEqualTo("3 of 3");
		key(Keys.ARROW_LEFT);
		key(Keys.ARROW_LEFT);
		assertThat(position()).isEqualTo("1 of 3");
		assertThat(viewer.findElement(By.cssSelector(".viewer-caption .credit")).getText())
			.isEqualTo("Photo: Ivan Franko");

		// a finger swiping from right to left shows the next photo, and back again
		swipe(700, 300);
		assertThat(position()).isEqualTo("2 of 3");
		swipe(300, 700);
		assertThat(position()).isEqualTo("1 of 3");
		swipe(300, 700);
		assertThat(position()).as("no photo before the first").isEqualTo("1 of 3");
		swipe(700, 300);
		driver.findElement(By.cssSelector(".viewer-next")).click();
		assertThat(position()).isEqualTo("3 of 3");

		driver.manage().window().setSize(new Dimension(1000, 680));
		screenshot("photo-viewer.png");

		key(Keys.ESCAPE);
		browser.waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".viewer")));
		browser.waiting().until(ExpectedConditions.urlMatches("/articles/" + slug + "$"));
		assertThat(driver.switchTo().activeElement().getAttribute("href")).endsWith("/photos/2");

		// the browser's back button closes it too
		driver.findElement(By.cssSelector("a.photo-link")).click();
		browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".viewer")));
		assertThat(position()).isEqualTo("1 of 3");
		driver.navigate().back();
		browser.waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".viewer")));
		assertThat(driver.getCurrentUrl()).endsWith("/articles/" + slug);

		assertThat(browser.cspViolations()).isEmpty();
		assertThat(browser.uncaughtErrors()).isEmpty();
		assertThat(browser.requestedUrls().stream().filter(url -> url.startsWith("http")))
			.as("nothing is fetched from another site")
			.allMatch(url -> url.startsWith(http.url("/")));
	}

	private void swipe(int fromX, int toX) {
		driver.executeScript("""
				var stage = document.querySelector('.viewer-stage');
				function send(type, x) {
				  stage.dispatchEvent(new PointerEvent(type, { bubbles: true, pointerType: 'touch', isPrimary: true,
				    pointerId: 7, clientX: x, clientY: 400 }));
				}
				send('pointerdown', arguments[0]);
				send('pointermove', (arguments[0] + arguments[1]) / 2);
				send('pointerup', arguments[1]);
				""", fromX, toX);
	}

	@Test
	void withoutJavaScriptThePhotoLinksOpenThePhotoPages() {
		String token = tokenFor(Role.EDITOR);
		String slug = story(token, "Harbour without script " + unique());
		try (Browser plain = Browser.withoutJavaScript()) {
			plain.driver().get(http.url("/articles/" + slug));
			plain.driver().findElement(By.cssSelector("section.gallery a.photo-link")).click();
			assertThat(plain.driver().getCurrentUrl()).endsWith("/articles/" + slug + "/photos/2");
			assertThat(plain.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Photo 2 of 3");
			assertThat(plain.driver().findElements(By.cssSelector(".viewer"))).isEmpty();
			plain.driver().findElement(By.cssSelector("a[rel=next]")).click();
			assertThat(plain.driver().getCurrentUrl()).endsWith("/photos/3");
		}
	}

	@Test
	void theFrontPageWithItsSections() throws Exception {
		String token = tokenFor(Role.EDITOR);
		story(token, "Harbour at dawn");
		story(token, "The fish market");
		String[][] articles = {
				{ "City council delays the tram line", "The vote moves to spring; the route is not in doubt.", "city" },
				{ "Library opens on Sundays", "From March, the central library keeps Sunday hours.", "culture" },
				{ "Flood defences tested", "Engineers ran the river gates for the first time this year.", "river" } };
		for (String[] a : articles) {
			var created = http.bearer(token)
				.postJson("/api/v1/articles", Map.of("title", a[0], "lead", a[1], "body", "Text.", "tags",
						List.of(a[2], "city"), "status", "published"));
			assertThat(created.status()).isEqualTo(201);
			String slug = created.json().get("slug").asString();
			for (int c = 0; c < 3 + a[0].length() % 4; c++) {
				postComment(slug, null, "Reader " + c, "A comment on " + a[0]);
			}
		}
		driver.manage().window().setSize(new Dimension(1000, 1100));
		driver.get(http.url("/"));
		assertThat(driver.findElements(By.cssSelector("section.photo-stories li"))).isNotEmpty();
		assertThat(driver.findElements(By.cssSelector("aside.most-discussed li"))).isNotEmpty();
		assertThat(driver.findElements(By.cssSelector("nav.tag-menu a"))).isNotEmpty();
		browser.waiting()
			.until(d -> driver
				.executeScript("return Array.from(document.images).every(function (i) { return i.complete; })")
				.equals(true));
		screenshot("front-page.png");
	}

	private void screenshot(String name) throws java.io.IOException {
		Path directory = Boolean.getBoolean("veche.screenshots") ? Path.of("docs", "screenshots")
				: Path.of("target", "screenshots");
		Files.createDirectories(directory);
		Files.write(directory.resolve(name), driver.getScreenshotAs(OutputType.BYTES));
	}

}
