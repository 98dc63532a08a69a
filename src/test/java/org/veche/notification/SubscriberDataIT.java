package org.veche.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.veche.privacy.DataRequests;
import org.veche.privacy.Person;
import org.veche.support.TestMail;

/**
 * A person's copy of their data names their subscriptions and the mail sent to them;
 * erasure forgets both.
 */
class SubscriberDataIT extends NotificationSupport {

	@Autowired
	private DataRequests requests;

	@Test
	void theExportListsSubscriptionsAndMailAndErasureForgetsThem() throws Exception {
		String slug = newArticle("Private");
		String email = newEmail("private");
		postByForm(slug, null, "Private", email, "Keep me posted", true, true);
		TestMail.awaitMessage(email, 1);
		awaitOutboxEmpty();

		var export = requests.export(Person.guest(email), DataRequests.Channel.GUEST_LINK);

		@SuppressWarnings("unchecked")
		var addresses = (List<Map<String, Object>>) export.get("notifications");
		assertThat(addresses).hasSize(1);
		assertThat(addresses.get(0)).containsEntry("email", email);
		assertThat((List<?>) addresses.get(0).get("subscriptions")).hasSize(2);
		assertThat((List<?>) addresses.get(0).get("mail")).hasSize(1);

		var done = requests.erase(Person.guest(email), DataRequests.Channel.GUEST_LINK);

		assertThat(done).containsEntry("notifications.addresses.deleted", 1)
			.containsEntry("notifications.subscriptions.deleted", 2)
			.containsEntry("notifications.mail.deleted", 1);
		assertThat(queuedFor(email)).isEmpty();
		assertThat((List<?>) requests.export(Person.guest(email), DataRequests.Channel.GUEST_LINK).get("notifications"))
			.isEmpty();
	}

}
