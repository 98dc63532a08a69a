package org.veche.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.veche.identity.Role;
import org.veche.support.BrowserSession;
import org.veche.support.Http;

/**
 * The public monthly moderation report (issue 16): after a known set of holds, reports,
 * decisions and appeals the current month's counts move by exactly those numbers; the
 * page names no one and quotes nothing; it is open to guests, linked from every page's
 * footer and the privacy page, and refuses months that are not months.
 */
class MonthlyReportIT extends ModerationSupport {

	private BrowserSession moderator;

	private final String month = YearMonth.now(ZoneOffset.UTC).toString();

	@BeforeEach
	void rules() {
		moderator = session(Role.MODERATOR);
		rules(r -> {
			r.holdFirstComment = false;
			r.holdLinks = 2;
			r.moderationWords = List.of("zebracorn");
			r.floodInterval = java.time.Duration.ZERO;
			return r;
		});
	}

	/**
	 * Every count on the month's page, by the row's data attribute and value
	 * ("decision:spam" → 3).
	 */
	private Map<String, Integer> counts() {
		var response = http.get("/moderation/report/" + month);
		assertThat(response.status()).isEqualTo(200);
		Document page = response.html();
		var counts = new HashMap<String, Integer>();
		for (String attribute : List.of("data-decision", "data-rule", "data-report", "data-appeals")) {
			page.select("tr[" + attribute + "]")
				.forEach(row -> counts.put(attribute.substring(5) + ":" + row.attr(attribute),
						Integer.parseInt(row.selectFirst(".count").text().replace(",", ""))));
		}
		return counts;
	}

	private static int delta(Map<String, Integer> before, Map<String, Integer> after, String key) {
		return after.getOrDefault(key, 0) - before.getOrDefault(key, 0);
	}

	private long held(String slug, String name, String email, String text, Map<String, Http> authors) {
		var response = http.from(newAddress())
			.postForm("/articles/" + slug + "/comments", Map.of("author", name, "email", email, "comment", text));
		assertThat(response.status()).as("%s", response).isEqualTo(302);
		long id = Long.parseLong(response.header("Location").replaceAll(".*[?&]held=(\\d+).*", "$1"));
		String cookie = response.cookies().stream().filter(c -> c.startsWith("veche_held=")).findFirst().orElseThrow();
		authors.put(String.valueOf(id), http.with("Cookie", cookie.substring(0, cookie.indexOf(';'))));
		return id;
	}

	private void decide(long id, String decision) {
		assertThat(submit(moderator, "/moderation", "/moderation/comments/" + id + "/decide",
				Map.of("decision", decision, "tab", "pending"))
			.status()).isEqualTo(302);
	}

	private long appealId(long commentId) {
		return Long.parseLong(moderator.get("/moderation/appeals")
			.html()
			.selectFirst(".appeal-case[data-comment=" + commentId + "]")
			.attr("data-appeal"));
	}

	@Test
	void theMonthsCountsMoveByExactlyWhatHappenedAndNameNoOne() {
		Map<String, Integer> before = counts();
		String slug = newArticle("Reported month");
		var authors = new HashMap<String, Http>();
		String secretName = "Zlata Secretname";
		String secretEmail = "zlata.secret" + unique() + "@example.org";
		String secretText = "Unforgettable sentence number " + unique();
		// four held for links, one of them also for a moderation word; one approved
		// comment gets reported
		long a = held(slug, secretName, secretEmail, secretText + " https://a.example https://b.example", authors);
		long b = held(slug, "Reader B", newEmail(), "Links https://c.example https://d.example", authors);
		long c = held(slug, "Reader C", newEmail(), "zebracorn https://e.example https://f.example", authors);
		long d = held(slug, "Reader D", newEmail(), "More https://g.example https://h.example", authors);
		long shown = posted(post(slug, newEmail(), "A fine comment that somebody will report."), 201);
		assertThat(http.from(newAddress())
			.postForm("/comments/" + shown + "/report", Map.of("reason", "off-topic"))
			.status()).isLessThan(400);

		decide(a, "approve");
		decide(b, "spam");
		decide(c, "trash");
		// two appeals: one on spam, reversed (a not-spam decision), one on a held
		// comment, upheld (a trash decision)
		String appealText = "Appeal words nobody else should read " + unique();
		assertThat(authors.get(String.valueOf(b))
			.postForm("/comments/" + b + "/appeal", Map.of("message", appealText))
			.status()).isEqualTo(302);
		assertThat(
				authors.get(String.valueOf(d)).postForm("/comments/" + d + "/appeal", Map.of("message", "")).status())
			.isEqualTo(302);
		assertThat(submit(moderator, "/moderation/appeals", "/moderation/appeals/" + appealId(b) + "/decide",
				Map.of("outcome", "reversed"))
			.status()).isEqualTo(302);
		assertThat(submit(moderator, "/moderation/appeals", "/moderation/appeals/" + appealId(d) + "/decide",
				Map.of("outcome", "upheld"))
			.status()).isEqualTo(302);

		Map<String, Integer> after = counts();
		assertThat(delta(before, after, "rule:links")).isEqualTo(4);
		assertThat(delta(before, after, "rule:word")).isEqualTo(1);
		assertThat(delta(before, after, "report:off-topic")).isEqualTo(1);
		assertThat(delta(before, after, "decision:approve")).isEqualTo(1);
		assertThat(delta(before, after, "decision:spam")).isEqualTo(1);
		assertThat(delta(before, after, "decision:not-spam")).isEqualTo(1);
		assertThat(delta(before, after, "decision:trash")).isEqualTo(2);
		assertThat(delta(before, after, "decision:abusive")).isZero();
		assertThat(delta(before, after, "appeals:filed")).isEqualTo(2);
		assertThat(delta(before, after, "appeals:upheld")).isEqualTo(1);
		assertThat(delta(before, after, "appeals:reversed")).isEqualTo(1);

		// counts only: no name, address, text, appeal message or moderator
		String body = http.get("/moderation/report/" + month).body();
		String moderatorName = moderator.get("/moderation/log")
			.html()
			.selectFirst("tr[data-action=approve] .who")
			.text();
		assertThat(body).doesNotContain(secretName)
			.doesNotContain(secretEmail)
			.doesNotContain(secretText)
			.doesNotContain(appealText)
			.doesNotContain(moderatorName)
			.doesNotContain("zebracorn")
			.doesNotContain("@example.org");
		assertThat(http.get("/moderation/report/" + month).html().selectFirst("#anchor .none").text())
			.isEqualTo("Published when the month ends.");
	}

	@Test
	void theReportIsPublicLinkedAndRefusesWhatIsNotAMonth() {
		Document index = page(http, "/moderation/report");
		assertThat(index.select("a[data-month=" + month + "]")).hasSize(1);
		assertThat(page(http, "/").select("footer a[href=/moderation/report]")).hasSize(1);
		assertThat(page(http, "/privacy").select("a[href=/moderation/report]")).isNotEmpty();
		assertThat(page(http.with("Accept-Language", "uk"), "/moderation/report/" + month).selectFirst("h1").text())
			.startsWith("Модерація: ");
		assertThat(page(http.with("Accept-Language", "ru"), "/moderation/report/" + month).selectFirst("h1").text())
			.startsWith("Модерация: ");
	}

	@Test
	void notAMonthIsNotFound() {
		for (String wrong : List.of("2026-13", "26-12", "next", YearMonth.now(ZoneOffset.UTC).plusMonths(1).toString(),
				"1999-12")) {
			assertThat(http.get("/moderation/report/" + wrong).status()).as(wrong).isEqualTo(404);
		}
		// a month that ended before anything happened: counts of zero, and no anchor yet
		// to publish
		Document old = page(http, "/moderation/report/2001-01");
		assertThat(old.selectFirst("[data-total=decisions]").text()).isEqualTo("0");
		assertThat(old.selectFirst("#anchor .none").text()).isEqualTo("The log had no lines by the end of this month.");
	}

}
