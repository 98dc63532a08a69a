package org.veche.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.veche.identity.Role;
import org.veche.support.OidcIntegrationTest;

/**
 * A reader in Chromium signs in through the OpenID Connect issuer from the comment form,
 * comes back to the form with what they had typed, posts as their account, logs out and
 * sees the guest form again (this site lets guests comment).
 */
class ExternalSignInBrowserIT extends OidcIntegrationTest {

	private Browser browser;

	private ChromeDriver driver;

	@BeforeEach
	void openBrowser() {
		browser = Browser.withJavaScript();
		driver = browser.driver();
	}

	@AfterEach
	void closeBrowser() {
		if (browser != null) {
			browser.close();
		}
	}

	@Test
	void signingInFromTheCommentFormKeepsTheDraftPostsAsTheAccountAndLoggingOutShowsTheGuestFormAgain() {
		String slug = publishArticle(tokenFor(Role.EDITOR), "Browser sign-in " + unique());
		String name = "Chromium Reader " + unique();
		nextSignIn("oidc", OIDC_CLIENT, UUID.randomUUID().toString(), Map.of("name", name));
		browser.actFrom(newAddress());
		driver.get(http.url("/articles/" + slug));

		driver.findElement(By.id("comment")).sendKeys("Written before signing in");
		driver.findElement(By.cssSelector("#respond .sign-in-choices button[value=oidc]")).click();

		browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#respond .commenting-as")));
		assertThat(driver.getCurrentUrl()).startsWith(http.url("/articles/" + slug)).endsWith("#respond");
		assertThat(driver.findElement(By.cssSelector("#respond .commenting-with")).getText())
			.isEqualTo("You are commenting using your Example ID account.");
		assertThat(driver.findElement(By.cssSelector("#respond .commenter-name")).getText()).isEqualTo(name);
		assertThat(driver.findElement(By.id("comment")).getDomProperty("value")).isEqualTo("Written before signing in");

		driver.findElement(By.cssSelector("#respond button.post-comment")).click();
		By posted = By.cssSelector("li.comment.is-new .comment-text");
		browser.waiting()
			.until(ExpectedConditions.textToBePresentInElementLocated(posted, "Written before signing in"));
		assertThat(driver.findElement(By.cssSelector("li.comment.is-new .comment-author")).getText()).isEqualTo(name);

		driver.findElement(By.cssSelector("#respond button.sign-out")).click();
		browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#respond input#author")));
		assertThat(driver.findElements(By.cssSelector("#respond .commenting-as"))).isEmpty();
		assertThat(driver.findElement(By.cssSelector("#respond label[for=author]")).getText()).startsWith("Name");
		assertThat(driver.findElement(By.cssSelector("#respond input#email")).isDisplayed()).isTrue();
		assertThat(driver.findElement(By.cssSelector("#respond button.post-comment")).isDisplayed()).isTrue();
		// the guest form still offers sign-in, as the form before did
		assertThat(driver.findElement(By.cssSelector("#respond .sign-in-choices")).getText())
			.startsWith("Log in to comment with:");
		assertThat(driver.findElement(By.cssSelector("#respond .sign-in-choices button[value=oidc]")).getText())
			.isEqualTo("Example ID");
		assertThat(browser.cspViolations()).isEmpty();
		assertThat(browser.uncaughtErrors()).isEmpty();
	}

}
