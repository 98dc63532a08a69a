package org.veche.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.veche.notification.internal.Digests;
import org.veche.publishing.Article;
import org.veche.publishing.ArticleDraft;
import org.veche.publishing.ArticleIntake;
import org.veche.publishing.Newsroom;
import org.veche.support.TestMail;

/**
 * "Notify me of new articles": confirmed from the form's mail, then at once, or gathered
 * into a daily or weekly digest that the test sends by calling the digest run with a
 * later time.
 */
class ArticleNotificationsIT extends NotificationSupport {

	@Autowired
	private Digests digests;

	@Autowired
	private ArticleIntake intake;

	@Autowired
	private Newsroom newsroom;

	private void subscribe(String email, String cadence) {
		var form = http.get("/notifications/articles");
		assertThat(form.status()).isEqualTo(200);
		assertThat(form.html().select("input[name=cadence]")).hasSize(3);
		var answer = http.postForm("/notifications/articles", Map.of("email", email, "cadence", cadence));
		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.html().selectFirst(".notice").text()).startsWith("Check your e-mail");
		var confirmation = TestMail.awaitMessage(email, 1);
		assertThat(TestMail.text(confirmation)).contains("New articles on Veche");
		confirm(confirmation);
	}

	@Test
	void anInstantSubscriberGetsEachNewArticleAsItIsPublishedIncludingAScheduledOneWhenItGoesLive() throws Exception {
		String email = newEmail("instant");
		subscribe(email, "instant");

		String slug = newArticle("Breaking");
		var mail = TestMail.awaitMessage(email, 2);
		assertThat(TestMail.subject(mail)).startsWith("New on Veche: Breaking");
		assertThat(TestMail.text(mail)).contains("/articles/" + slug).contains("Lead of Breaking");
		assertThat(header(mail, "List-Unsubscribe")).contains("/notifications/unsubscribe/");

		Article scheduled = intake.create(
				new ArticleDraft(Article.Kind.ARTICLE, new ArticleDraft.Words("Scheduled " + unique(), "Later", "Body"),
						List.of(), null,
						new ArticleDraft.Plan(Article.Status.SCHEDULED, Instant.now().plusMillis(1500)), null),
				null, "Desk");
		awaitOutboxEmpty();
		assertThat(TestMail.to(email)).as("nothing before its time").hasSize(2);
		Thread.sleep(1600);
		newsroom.publishDue();
		assertThat(TestMail.subject(TestMail.awaitMessage(email, 3))).isEqualTo("New on Veche: " + scheduled.title());
	}

	@Test
	void aDailySubscriberGetsOneDigestOfTheDaysArticlesAfterADayAndNothingBefore() throws Exception {
		String email = newEmail("daily");
		subscribe(email, "daily");
		String first = newArticle("Morning");
		String second = newArticle("Evening");
		awaitOutboxEmpty();
		assertThat(TestMail.to(email)).as("nothing but the confirmation during the day").hasSize(1);

		digests.sendDue(Instant.now().plus(Duration.ofHours(12)));
		awaitOutboxEmpty();
		assertThat(TestMail.to(email)).as("not before the day is over").hasSize(1);

		digests.sendDue(Instant.now().plus(Duration.ofHours(25)));
		var digest = TestMail.awaitMessage(email, 2);
		assertThat(TestMail.subject(digest)).isEqualTo("Your daily digest from Veche: 2 new articles");
		assertThat(TestMail.text(digest)).contains("/articles/" + first).contains("/articles/" + second);
		assertThat(TestMail.html(digest)).contains("Morning").contains("Evening");
		assertThat(header(digest, "List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");

		digests.sendDue(Instant.now().plus(Duration.ofHours(26)));
		awaitOutboxEmpty();
		assertThat(TestMail.to(email)).as("the next digest waits for the next day").hasSize(2);
	}

	@Test
	void theManagePageChangesADigestToWeeklyAndEndsEverything() throws Exception {
		String email = newEmail("manager");
		subscribe(email, "instant");
		newArticle("Before the change");
		var mail = TestMail.awaitMessage(email, 2);
		String manage = TestMail.linkTo(mail, "/notifications/manage/");
		var page = http.get(manage);
		assertThat(page.status()).isEqualTo(200);
		String select = page.html().selectFirst("select[name^=cadence-]").attr("name");

		assertThat(http.postForm(manage, Map.of(select, "weekly", "save", "1")).status()).isEqualTo(302);
		newArticle("After the change");
		awaitOutboxEmpty();
		assertThat(TestMail.to(email)).as("now gathered for the week").hasSize(2);
		assertThat(http.get(manage).html().selectFirst("option[selected]").attr("value")).isEqualTo("weekly");

		assertThat(http.postForm(manage, Map.of("endAll", "1")).status()).isEqualTo(302);
		assertThat(http.get(manage).html().select(".subscription")).isEmpty();
		digests.sendDue(Instant.now().plus(Duration.ofDays(8)));
		awaitOutboxEmpty();
		assertThat(TestMail.to(email)).hasSize(2);
	}

	@Test
	void aBadAddressGetsTheFormBackWithTheMessage() {
		var answer = http.postForm("/notifications/articles", Map.of("email", "not an address", "cadence", "daily"));

		assertThat(answer.status()).isEqualTo(422);
		assertThat(answer.html().selectFirst(".form-error").text()).isEqualTo("Please give a valid e-mail address.");
		assertThat(answer.html().selectFirst("input[name=email]").attr("value")).isEqualTo("not an address");
		assertThat(answer.html().selectFirst("input[value=daily]").hasAttr("checked")).isTrue();
	}

}
