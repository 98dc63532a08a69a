package org.veche.browser;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.chrome.ChromeDriver;
import org.veche.support.IntegrationTest;

/**
 * A fresh Chromium with JavaScript for each test, against the shared server, closed after
 * it.
 */
abstract class ScriptedBrowserTest extends IntegrationTest {

	protected Browser browser;

	protected ChromeDriver driver;

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

}
