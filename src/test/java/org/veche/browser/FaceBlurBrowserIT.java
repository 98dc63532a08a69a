package org.veche.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.veche.identity.NewAccount;
import org.veche.identity.Role;
import org.veche.support.Http;

/**
 * With JavaScript, an editor drags a box on the photo and its numbers, in the photo's own
 * pixels, land in the regions field that the form posts; blurring then works as it does
 * without the script.
 */
class FaceBlurBrowserIT extends ScriptedBrowserTest {

	@Test
	void aBoxDrawnOnThePhotoBecomesNumbersInThePhotosPixelsAndIsBlurred() throws Exception {
		String email = "drawer" + unique() + "@example.org";
		identity.createAccount(new NewAccount(email, "correct horse battery staple", "Drawer", Role.EDITOR));
		String token = tokenFor(Role.EDITOR);
		String slug = publishArticle(token, "Drawn " + unique());
		var image = new BufferedImage(1600, 1000, BufferedImage.TYPE_INT_RGB);
		var g = image.createGraphics();
		g.setColor(Color.DARK_GRAY);
		g.fillRect(0, 0, 1600, 1000);
		g.dispose();
		var out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		long id = http.bearer(token)
			.postMultipart("/api/v1/articles/" + slug + "/photos",
					Map.of("file", new Http.FilePart("p.png", "image/png", out.toByteArray())))
			.json()
			.get("id")
			.asLong();
		driver.get(http.url("/login"));
		driver.findElement(By.name("username")).sendKeys(email);
		driver.findElement(By.name("password")).sendKeys("correct horse battery staple");
		driver.findElement(By.cssSelector("form button[type=submit]")).click();
		browser.waiting().until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
		driver.get(http.url("/editor/photos/" + id + "/blur"));
		WebElement photo = driver.findElement(By.id("blur-photo"));
		browser.waiting()
			.until(d -> ((ChromeDriver) d).executeScript("return arguments[0].complete", photo).equals(true));
		int shown = photo.getSize().getWidth();

		// from 20% to 50% across and 20% to 60% down the photo as shown, in viewport
		// coordinates
		driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", photo);
		@SuppressWarnings("unchecked")
		var rect = (Map<String, Object>) driver.executeScript(
				"var r = arguments[0].getBoundingClientRect(); return {x: r.left, y: r.top, w: r.width, h: r.height};",
				photo);
		double left = ((Number) rect.get("x")).doubleValue();
		double top = ((Number) rect.get("y")).doubleValue();
		double w = ((Number) rect.get("w")).doubleValue();
		double h = ((Number) rect.get("h")).doubleValue();
		new Actions(driver).moveToLocation((int) Math.round(left + w * 0.2), (int) Math.round(top + h * 0.2))
			.clickAndHold()
			.moveToLocation((int) Math.round(left + w * 0.5), (int) Math.round(top + h * 0.6))
			.release()
			.perform();

		String typed = driver.findElement(By.id("boxes")).getAttribute("value");
		int[] box = Arrays.stream(typed.strip().split(",\\s*")).mapToInt(Integer::parseInt).toArray();
		assertThat(box).as(typed + " (photo shown " + shown + " wide)").hasSize(4);
		assertThat(box[0]).isCloseTo(320, org.assertj.core.data.Offset.offset(16));
		assertThat(box[1]).isCloseTo(200, org.assertj.core.data.Offset.offset(16));
		assertThat(box[2]).isCloseTo(480, org.assertj.core.data.Offset.offset(16));
		assertThat(box[3]).isCloseTo(400, org.assertj.core.data.Offset.offset(16));
		assertThat(driver.findElements(By.cssSelector(".blur-canvas .blur-box"))).hasSize(1);
		assertThat(browser.cspViolations()).isEmpty();

		driver.findElement(By.cssSelector("button[value=blur]")).click();

		assertThat(browser.waiting()
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".notice")))
			.getText()).contains("blurred in every copy");
		assertThat(browser.uncaughtErrors()).isEmpty();
	}

}
