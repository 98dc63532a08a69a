package org.veche.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.ApplicationEventMulticaster;
import org.veche.identity.Role;

/**
 * Readers' reports: the form works without JavaScript, a reader counts once, the set
 * number of reports holds the comment for review in the Reported tab, and each report is
 * published as CommentReported.
 */
class ReportsIT extends ModerationSupport {

	@Autowired
	private ConfigurableApplicationContext context;

	@Autowired
	private ApplicationEventMulticaster multicaster;

	private final List<CommentReported> heard = new CopyOnWriteArrayList<>();

	private final ApplicationListener<PayloadApplicationEvent<?>> listener = event -> {
		if (event.getPayload() instanceof CommentReported reported) {
			heard.add(reported);
		}
	};

	@BeforeEach
	void listen() {
		context.addApplicationListener(listener);
	}

	@AfterEach
	void stopListening() {
		multicaster.removeApplicationListener(listener);
	}

	private int report(long id, String reason, String address) {
		return http.from(address).postForm("/comments/" + id + "/report", Map.of("reason", reason)).status();
	}

	@Test
	void everyCommentHasAReportLinkToAFormThatWorksWithoutScript() {
		String slug = newArticle("Report link");
		long id = posted(post(slug, newEmail(), "Report me if you like."), 201);
		var link = page(http, "/articles/" + slug).getElementById("comment-" + id).selectFirst("a.report-link");
		assertThat(link.attr("href")).isEqualTo("/comments/" + id + "/report");
		var form = page(http, link.attr("href"));
		assertThat(form.select("input[name=reason]").eachAttr("value")).containsExactly("spam", "abuse", "threat",
				"off-topic", "illegal");
		var none = http.from(newAddress()).postForm("/comments/" + id + "/report", Map.of());
		assertThat(none.status()).isEqualTo(400);
		assertThat(none.html().selectFirst(".form-error").text()).isEqualTo("Choose what is wrong with the comment.");
		var sent = http.from(newAddress()).postForm("/comments/" + id + "/report", Map.of("reason", "threat"));
		assertThat(sent.status()).isEqualTo(200);
		assertThat(sent.html().selectFirst(".notice").text()).isEqualTo("Thank you. The moderators will look at it.");
		assertThat(heard).contains(new CommentReported(id, heard.getLast().articleId(), ReportReason.THREAT, 1, false));
		assertThat(http.get("/comments/999999999/report").status()).isEqualTo(404);
	}

	@Test
	void theSetNumberOfReadersHoldTheCommentForReviewInTheReportedTab() {
		rules(r -> {
			r.reportsToHold = 3;
			return r;
		});
		String slug = newArticle("Reported");
		long id = posted(post(slug, newEmail(), "A controversial opinion."), 201);
		String first = newAddress();
		assertThat(report(id, "spam", first)).isEqualTo(200);
		assertThat(report(id, "abuse", first)).as("the same reader again").isEqualTo(200);
		assertThat(report(id, "spam", newAddress())).isEqualTo(200);
		assertThat(page(http, "/articles/" + slug).getElementById("comment-" + id)).isNotNull();
		assertThat(report(id, "abuse", newAddress())).isEqualTo(200);
		assertThat(page(http, "/articles/" + slug).getElementById("comment-" + id)).as("held after 3").isNull();

		var mine = heard.stream().filter(e -> e.commentId() == id).toList();
		assertThat(mine).extracting(CommentReported::reports).containsExactly(1, 2, 3);
		assertThat(mine.getLast().held()).isTrue();

		var moderator = session(Role.MODERATOR);
		var item = moderator.get("/moderation?tab=reported").html().getElementById("item-" + id);
		assertThat(item).isNotNull();
		assertThat(item.select(".reasons .report").eachText()).containsExactlyInAnyOrder("Reported as spam: 2",
				"Reported as abuse: 1");
		assertThat(item.select(".reasons .reason").eachText()).containsExactly("3 readers reported it");
		assertThat(moderator.get("/moderation?tab=pending").html().getElementById("item-" + id)).isNotNull();

		var approved = submit(moderator, "/moderation?tab=reported", "/moderation/comments/" + id + "/decide",
				Map.of("decision", "approve", "tab", "reported"));
		assertThat(approved.status()).isEqualTo(302);
		assertThat(moderator.get("/moderation?tab=reported").html().getElementById("item-" + id)).isNull();
		assertThat(page(http, "/articles/" + slug).getElementById("comment-" + id)).isNotNull();
		assertThat(moderator.get("/moderation/log").html().select("tr[data-action=hold]")).isNotEmpty();
	}

	@Test
	void aSignedInReaderReportsAsTheirAccount() {
		String slug = newArticle("Account report");
		long id = posted(post(slug, newEmail(), "Reported by an account."), 201);
		var reader = session(Role.READER);
		var once = submit(reader, "/comments/" + id + "/report", "/comments/" + id + "/report",
				Map.of("reason", "off-topic"));
		assertThat(once.status()).isEqualTo(200);
		var twice = submit(reader, "/comments/" + id + "/report", "/comments/" + id + "/report",
				Map.of("reason", "spam"));
		assertThat(twice.status()).isEqualTo(200);
		assertThat(heard.stream().filter(e -> e.commentId() == id)).hasSize(1);
	}

}
