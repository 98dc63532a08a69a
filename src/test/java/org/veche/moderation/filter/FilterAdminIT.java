package org.veche.moderation.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.veche.identity.NewAccount;
import org.veche.identity.Role;
import org.veche.support.BrowserSession;
import org.veche.support.Http;
import org.veche.support.IntegrationTest;

/**
 * The administrator's filter page: training from an uploaded CSV file, its refusals, and
 * who may use it.
 */
class FilterAdminIT extends IntegrationTest {

	@Autowired
	LearningFilter filter;

	private BrowserSession admin;

	@BeforeEach
	void signInAsAdministrator() {
		admin = signedIn(Role.ADMINISTRATOR);
	}

	@BeforeEach
	@AfterEach
	void leaveTheFilterCold() {
		// the context is shared: other tests' decisions teach it, and their comments must
		// meet no opinion
		filter.reset(FilterTask.SPAM);
		filter.reset(FilterTask.ABUSE);
	}

	private BrowserSession signedIn(Role role) {
		String email = "filter" + unique() + "@example.org";
		String password = "correct horse battery " + unique();
		identity.createAccount(new NewAccount(email, password, "Filter " + role, role));
		return BrowserSession.signIn(http, email, password);
	}

	private Http.Response upload(String task, String csv) {
		var page = admin.get("/admin/filter");
		assertThat(page.status()).isEqualTo(200);
		var parts = new LinkedHashMap<String, Object>();
		parts.put("_csrf", BrowserSession.csrfToken(page.html()));
		parts.put("task", task);
		parts.put("file", new Http.FilePart("examples.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)));
		return admin.postMultipart("/admin/filter", parts);
	}

	private static String toyCsv() {
		var csv = new StringBuilder("text,label,author\n");
		// five copies: a classifier gives no opinion before it has learned 100 examples
		for (int copy = 0; copy < 5; copy++)
			for (Example e : LinearModelTests.TOY) {
				csv.append('"').append(e.input().text()).append("\",").append(e.bad() ? 1 : 0).append(",Someone\n");
			}
		return csv.toString();
	}

	@Test
	void anAdministratorTrainsAClassifierFromAFile() {
		var response = upload("SPAM", toyCsv());
		assertThat(response.status()).isEqualTo(200);
		var notice = response.html().selectFirst("[role=status]");
		assertThat(notice).isNotNull();
		assertThat(notice.text())
			.isEqualTo("The Spam classifier was trained. Examples in the file: 120 (bad: 60, fine: 60).");
		assertThat(response.html().selectFirst("li[data-task=SPAM]").text()).contains("Examples learned: 120");
		assertThat(response.html().selectFirst("li[data-task=ABUSE]").text()).contains("Not trained yet");

		var spam = filter.score(FilterTask.SPAM, FilterInput.ofText("casino bonus, cheap viagra"));
		var fine = filter.score(FilterTask.SPAM, FilterInput.ofText("thanks for the report on the hearing"));
		assertThat(spam.probability()).isGreaterThan(0.8);
		assertThat(spam.strongest()).containsAnyOf("casino", "viagra", "bonus", "cheap");
		assertThat(fine.probability()).isLessThan(0.2);
		assertThat(filter.score(FilterTask.ABUSE, FilterInput.ofText("casino bonus")).probability()).isZero();
	}

	@Test
	void aBadFileIsShownOnTheFormAndTheClassifierStaysAsItWas() {
		upload("ABUSE", toyCsv());
		var response = upload("ABUSE", "text,label\nfine,0\nawful,maybe\n");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.html().selectFirst("[role=alert]").text())
			.isEqualTo("Line 3: the label must be 1 (spam or abusive) or 0 (fine), not \u201cmaybe\u201d.");
		assertThat(response.html().selectFirst("select#task option[selected]").attr("value")).isEqualTo("ABUSE");
		assertThat(filter.examples(FilterTask.ABUSE)).isEqualTo(120);

		var columns = upload("ABUSE", "comment;class\nhello;1\n");
		assertThat(columns.status()).isEqualTo(400);
		assertThat(columns.html().selectFirst("[role=alert]").text()).contains("text and label");
	}

	@Test
	void aFormWithoutAFileOrInAnotherEncodingIsRefusedWithAMessage() {
		var page = admin.get("/admin/filter");
		var noFile = admin.postMultipart("/admin/filter",
				Map.of("_csrf", BrowserSession.csrfToken(page.html()), "task", "SPAM"));
		assertThat(noFile.status()).isEqualTo(400);
		assertThat(noFile.html().selectFirst("[role=alert]").text()).isEqualTo("Choose a CSV file to upload.");

		var parts = new LinkedHashMap<String, Object>();
		parts.put("_csrf", BrowserSession.csrfToken(page.html()));
		parts.put("task", "SPAM");
		parts.put("file", new Http.FilePart("latin1.csv", "text/csv",
				"text,label\ncaf\u00e9,0\nspam,1\n".getBytes(StandardCharsets.ISO_8859_1)));
		var latin1 = admin.postMultipart("/admin/filter", parts);
		assertThat(latin1.status()).isEqualTo(400);
		assertThat(latin1.html().selectFirst("[role=alert]").text()).contains("not UTF-8");
	}

	@Test
	void resettingForgetsWhatWasLearned() {
		upload("SPAM", toyCsv());
		var page = admin.get("/admin/filter");
		var reset = admin.postForm("/admin/filter/reset",
				Map.of("_csrf", BrowserSession.csrfToken(page.html()), "task", "SPAM"));
		assertThat(reset.status()).isEqualTo(302);
		assertThat(filter.examples(FilterTask.SPAM)).isZero();
		assertThat(admin.get("/admin/filter").html().selectFirst("li[data-task=SPAM]").text())
			.contains("Not trained yet");
	}

	@Test
	void onlyAdministratorsReachThePage() {
		assertThat(http.get("/admin/filter").status()).isEqualTo(302);
		var editor = signedIn(Role.EDITOR);
		assertThat(editor.get("/admin/filter").status()).isEqualTo(403);
		var page = editor.get("/account");
		var post = editor.postMultipart("/admin/filter", Map.of("_csrf", BrowserSession.csrfToken(page.html()), "task",
				"SPAM", "file", new Http.FilePart("x.csv", "text/csv", toyCsv().getBytes(StandardCharsets.UTF_8))));
		assertThat(post.status()).isEqualTo(403);
		assertThat(filter.examples(FilterTask.SPAM)).isZero();
	}

}
