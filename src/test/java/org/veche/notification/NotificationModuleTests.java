package org.veche.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.veche.publishing.Article;
import org.veche.support.ModuleTestSite;
import org.veche.support.TestDesk;
import org.veche.support.TestMail;

/**
 * The notification module with what it stands on (moderation, discussion, publishing,
 * identity, privacy, site, backup), mailing the test server: a reader's subscription to
 * new articles waits for the link of its confirmation mail, and once confirmed the next
 * published article is mailed by the outbox.
 */
@ApplicationModuleTest(BootstrapMode.ALL_DEPENDENCIES)
@ModuleTestSite
class NotificationModuleTests {

	private static final Pattern CONFIRM = Pattern.compile("/notifications/confirm/([^/\\s]+)/([^/\\s]+)");

	@Autowired
	Notifications notifications;

	@Autowired
	ApplicationContext site;

	@Test
	void aConfirmedSubscriberIsMailedTheNextArticle() {
		String email = "module-subscriber@example.org";
		assertThat(notifications
			.askForArticles(new Notifications.ArticlesWanted(email, Cadence.INSTANT, Locale.ENGLISH, null)))
			.as("a typed address waits for its confirmation")
			.isFalse();

		var confirmation = TestMail.awaitMessage(email, 1);
		Matcher link = CONFIRM.matcher(TestMail.text(confirmation));
		assertThat(link.find()).as("a confirmation link in " + TestMail.text(confirmation)).isTrue();
		assertThat(notifications.confirm(link.group(1), link.group(2) + "x")).as("a forged signature").isFalse();
		assertThat(notifications.confirm(link.group(1), link.group(2))).isTrue();

		Article article = TestDesk.article(site, "Tram line opens");

		var news = TestMail.awaitMessage(email, 2);
		assertThat(TestMail.subject(news)).contains("Tram line opens");
		assertThat(TestMail.text(news)).contains(article.path());
	}

}
