package org.veche.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium under its own chromedriver, both named by path so that
 * Selenium Manager never looks for, or downloads, a browser or a driver. Each browser
 * gets a fresh profile directory, removed on close.
 */
final class Browser implements AutoCloseable {

	static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private final ChromeDriver driver;

	private final Path profile;

	private final ChromeDriverService service;

	private final List<LogEntry> console = new ArrayList<>();

	private Browser(ChromeDriver driver, Path profile, ChromeDriverService service) {
		this.driver = driver;
		this.profile = profile;
		this.service = service;
	}

	/** A browser that runs the site's script, as most readers have it. */
	static Browser withJavaScript() {
		return start(true);
	}

	/**
	 * A browser with JavaScript switched off in its content settings: the pages must work
	 * as plain HTML.
	 */
	static Browser withoutJavaScript() {
		return start(false);
	}

	private static Browser start(boolean javascript) {
		requireInstalled();
		System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
		Path profile;
		try {
			profile = Files.createTempDirectory("veche-chromium-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		var options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--disable-quic", "--user-data-dir=" + profile, "--window-size=1280,900", "--lang=en-US");
		var prefs = new HashMap<String, Object>();
		// The pages follow Accept-Language: the assertions read the English texts.
		prefs.put("intl.accept_languages", "en-US,en");
		if (!javascript) {
			prefs.put("profile.managed_default_content_settings.javascript", 2);
		}
		options.setExperimentalOption("prefs", prefs);
		var logging = new LoggingPreferences();
		logging.enable(LogType.BROWSER, Level.ALL);
		// the DevTools network events, to see every request a page makes
		logging.enable(LogType.PERFORMANCE, Level.ALL);
		options.setCapability(ChromeOptions.LOGGING_PREFS, logging);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		try {
			var driver = new ChromeDriver(service, options);
			driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
			return new Browser(driver, profile, service);
		}
		catch (RuntimeException ex) {
			delete(profile);
			throw ex;
		}
	}

	/**
	 * CI must have the browser (.ci/run installs it), so there a missing one fails the
	 * build; on a developer's machine without it the browser tests are skipped, saying
	 * why.
	 */
	private static void requireInstalled() {
		for (Path binary : List.of(CHROMIUM, CHROMEDRIVER)) {
			if (Files.isExecutable(binary)) {
				continue;
			}
			String message = binary + " is missing: the browser tests need Debian's chromium and chromium-driver"
					+ " packages (apt-get install chromium chromium-driver)";
			if ("true".equals(System.getenv("CI"))) {
				throw new IllegalStateException(message + "; on CI they are required (.ci/run installs them)");
			}
			Assumptions.abort(message + "; skipping the browser tests");
		}
	}

	ChromeDriver driver() {
		return driver;
	}

	WebDriverWait waiting() {
		return new WebDriverWait(driver, Duration.ofSeconds(10));
	}

	/**
	 * From now on the server sees this browser's requests as coming from the address (it
	 * trusts X-Forwarded-For from loopback), so one browser can act as several readers
	 * without meeting the flood limit.
	 */
	void actFrom(String address) {
		driver.executeCdpCommand("Network.enable", Map.of());
		driver.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of("X-Forwarded-For", address)));
	}

	/**
	 * Everything the page wrote to the console so far (chromedriver hands each entry out
	 * once, so keep them).
	 */
	List<LogEntry> console() {
		driver.manage().logs().get(LogType.BROWSER).forEach(console::add);
		return List.copyOf(console);
	}

	/**
	 * Every URL the browser asked for since the last call (documents, scripts, styles,
	 * images, fetches, and any preload), from the DevTools Network.requestWillBeSent
	 * events in the performance log.
	 */
	List<String> requestedUrls() {
		var urls = new ArrayList<String>();
		for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
			var message = org.veche.support.Http.JSON.readTree(entry.getMessage()).path("message");
			if (message.path("method").asString("").equals("Network.requestWillBeSent")) {
				urls.add(message.path("params").path("request").path("url").asString(""));
			}
		}
		return urls;
	}

	/**
	 * Console messages where the browser refused something under the Content Security
	 * Policy.
	 */
	List<String> cspViolations() {
		return console().stream()
			.map(LogEntry::getMessage)
			.filter(message -> message.contains("Content Security Policy"))
			.toList();
	}

	/** Script errors nobody caught: the page's script failed. */
	List<String> uncaughtErrors() {
		return console().stream()
			.filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
			.map(LogEntry::getMessage)
			.filter(message -> message.contains("Uncaught"))
			.toList();
	}

	/**
	 * Gives up a browser that no longer answers: its driver is stopped (which ends the
	 * call waiting on it).
	 */
	void abandon() {
		try {
			service.stop();
		}
		finally {
			delete(profile);
		}
	}

	@Override
	public void close() {
		try {
			driver.quit();
		}
		finally {
			delete(profile);
		}
	}

	private static void delete(Path directory) {
		try (Stream<Path> paths = Files.walk(directory)) {
			paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
		}
		catch (IOException ex) {
			// a leftover profile in the temporary directory is harmless
		}
	}

}
