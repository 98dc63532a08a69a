package org.veche.site;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.veche.support.ModuleTestSite;
import org.veche.support.TestMail;

/**
 * The site shell alone (its only dependency, backup, is an SPI without beans): its
 * settings table, its Markdown and its mail, as every other module uses them.
 */
@ApplicationModuleTest
@ModuleTestSite
class SiteModuleTests {

	@Autowired
	SiteSettings settings;

	@Autowired
	Markdown markdown;

	@Autowired
	Mailer mailer;

	@Test
	void aSettingIsMadeOnceAndThenKeptUntilChanged() {
		assertThat(settings.get("module-test.key")).isEmpty();
		assertThat(settings.getOrCreate("module-test.key", () -> "first")).isEqualTo("first");
		assertThat(settings.getOrCreate("module-test.key", () -> "second")).isEqualTo("first");
		settings.put("module-test.key", "changed");
		assertThat(settings.get("module-test.key")).contains("changed");
	}

	@Test
	void aCommentIsRenderedWithoutScriptsAndWithItsLinksMarkedAsReaders() {
		String html = markdown.comment("Read **this**: https://example.org/story <script>alert(1)</script>");
		assertThat(html).contains("<strong>this</strong>")
			.contains("href=\"https://example.org/story\"")
			.contains("nofollow")
			.doesNotContain("<script");
	}

	@Test
	void mailGoesToTheConfiguredServer() throws Exception {
		String to = "site-module@example.org";
		assertThat(mailer.send(new Mailer.Letter(to, "Module test", "plain text", "<p>html</p>"))).isTrue();
		assertThat(TestMail.awaitMessage(to, 1).getSubject()).isEqualTo("Module test");
	}

}
