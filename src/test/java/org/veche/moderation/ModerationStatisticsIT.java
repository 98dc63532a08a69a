package org.veche.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.jooq.DSLContext;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.veche.identity.NewAccount;
import org.veche.identity.Role;
import org.veche.support.BrowserSession;
import org.xml.sax.InputSource;

/**
 * The moderators' statistics page over a site of its own (its figures are counted on
 * every view here, and no other test's comments mix in): comments and decisions made
 * through the real forms and moved to known days, then the figures read from the page's
 * table, its SVG titles and its busiest threads.
 */
@TestPropertySource(properties = "veche.moderation.statistics.max-age=0s")
class ModerationStatisticsIT extends ModerationSupport {

	private static final Pattern SVG = Pattern.compile("<svg[\\s\\S]*?</svg>");

	// the test site keeps the default time zone, UTC
	private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

	/** Only in the 90 days. */
	private static final LocalDate EARLY = TODAY.minusDays(40);

	/** In both periods. */
	private static final LocalDate RECENT = TODAY.minusDays(3);

	private static boolean seeded;

	private static String quiet;

	private static String busy;

	@Autowired
	private DSLContext db;

	private BrowserSession moderator;

	@BeforeEach
	void seedOnce() {
		moderator = session(Role.MODERATOR);
		if (seeded) {
			return;
		}
		seeded = true;
		rules(r -> {
			r.floodInterval = java.time.Duration.ZERO;
			return r;
		});
		quiet = newArticle("Quiet thread");
		busy = newArticle("Busy thread");

		// 40 days ago: one approved, one held then approved (30 min) and later trashed,
		// one held then spam (2 h), one still held
		long approved = approvedComment(quiet);
		posted(approved, EARLY, 9, 0);
		long approvedThenTrashed = heldComment(quiet);
		posted(approvedThenTrashed, EARLY, 10, 0);
		decide(approvedThenTrashed, "approve", "pending", EARLY, 10, 30);
		decide(approvedThenTrashed, "trash", "approved", EARLY, 15, 0);
		long spam = heldComment(quiet);
		posted(spam, EARLY, 10, 0);
		decide(spam, "spam", "pending", EARLY, 12, 0);
		posted(heldComment(quiet), EARLY, 11, 0);

		// 3 days ago: three approved, and three held ones decided after 10 min, 45 min
		// and 3 h
		for (int i = 0; i < 3; i++) {
			posted(approvedComment(busy), RECENT, 8, 0);
		}
		long trashed = heldComment(busy);
		posted(trashed, RECENT, 9, 0);
		decide(trashed, "trash", "pending", RECENT, 9, 10);
		long approvedLater = heldComment(busy);
		posted(approvedLater, RECENT, 9, 0);
		decide(approvedLater, "approve", "pending", RECENT, 9, 45);
		long spamLater = heldComment(busy);
		posted(spamLater, RECENT, 9, 0);
		decide(spamLater, "spam", "pending", RECENT, 12, 0);
	}

	@Test
	void theNinetyDaysShowEachDaysCommentsWhereTheyStandAndHowLongHeldOnesWaited() {
		Document page = stats("/moderation/stats?days=90");
		assertThat(page.select(".figures tbody tr")).hasSize(90);
		assertThat(page.selectFirst(".stats-summary").text()).startsWith("Comments: 10. Held comments decided: 5.");

		Element early = row(page, EARLY);
		assertThat(early.selectFirst(".comments").text()).isEqualTo("4");
		assertThat(early.selectFirst(".approved").text()).isEqualTo("1 (25%)");
		assertThat(early.selectFirst(".held").text()).isEqualTo("1 (25%)");
		assertThat(early.selectFirst(".spam").text()).isEqualTo("1 (25%)");
		assertThat(early.selectFirst(".trash").text()).isEqualTo("1 (25%)");
		// the approved comment trashed later was not waiting: two decisions, 30 min and 2
		// h
		assertThat(early.selectFirst(".decided").text()).isEqualTo("2");
		assertThat(early.selectFirst(".median").attr("data-ms")).isEqualTo("1800000");
		assertThat(early.selectFirst(".median").text()).isEqualTo("30 min");
		assertThat(early.selectFirst(".ninetieth").attr("data-ms")).isEqualTo("7200000");
		assertThat(early.selectFirst(".ninetieth").text()).isEqualTo("2 h 0 min");

		Element recent = row(page, RECENT);
		assertThat(recent.selectFirst(".comments").text()).isEqualTo("6");
		assertThat(recent.selectFirst(".approved").text()).isEqualTo("4 (67%)");
		assertThat(recent.selectFirst(".held").text()).isEqualTo("0");
		assertThat(recent.selectFirst(".spam").text()).isEqualTo("1 (17%)");
		assertThat(recent.selectFirst(".trash").text()).isEqualTo("1 (17%)");
		// nearest rank of three: the second for the median, the third for the 90th
		// percentile
		assertThat(recent.selectFirst(".decided").text()).isEqualTo("3");
		assertThat(recent.selectFirst(".median").text()).isEqualTo("45 min");
		assertThat(recent.selectFirst(".ninetieth").text()).isEqualTo("3 h 0 min");

		Element today = row(page, TODAY);
		assertThat(today.selectFirst(".comments").text()).isEqualTo("0");
		assertThat(today.selectFirst(".median").text()).isEqualTo("–");

		assertThat(page.select(".busiest tbody tr")).extracting(tr -> tr.selectFirst(".comments").text())
			.containsExactly("6", "4");
		Element first = page.selectFirst(".busiest tbody tr .thread a");
		assertThat(first.attr("href")).isEqualTo("/articles/" + busy);
		assertThat(first.text()).startsWith("Busy thread");
	}

	@Test
	void theChartsAreWellFormedSvgWhoseTitlesCarryTheFigures() throws Exception {
		var response = moderator.get("/moderation/stats?days=90");
		assertThat(response.status()).isEqualTo(200);
		List<String> svgs = new ArrayList<>();
		SVG.matcher(response.body()).results().forEach(m -> svgs.add(m.group()));
		assertThat(svgs).hasSize(3);
		var xml = DocumentBuilderFactory.newInstance();
		xml.setNamespaceAware(true);
		for (String svg : svgs) {
			var parsed = xml.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
			assertThat(parsed.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
		}

		Document page = response.html();
		for (Element svg : page.select("svg.chart")) {
			assertThat(svg.attr("role")).isEqualTo("img");
			Element title = page.getElementById(svg.attr("aria-labelledby"));
			assertThat(title).isNotNull();
			assertThat(title.tagName()).isEqualTo("title");
			assertThat(title.parent()).isEqualTo(svg);
		}
		assertThat(page.selectFirst("svg.comments-chart > title").text()).contains("10 in all");
		assertThat(page.selectFirst("svg.comments-chart rect.bar[data-day=" + EARLY + "] > title").text())
			.endsWith("comments: 4");
		assertThat(page.select("svg.comments-chart rect.bar")).hasSize(2);
		assertThat(page.selectFirst("svg.shares-chart rect.spam[data-day=" + RECENT + "] > title").text())
			.endsWith("Spam: 1 of 6 (17%)");
		assertThat(page.select("svg.shares-chart rect.share[data-day=" + EARLY + "]")).hasSize(4);
		assertThat(page.selectFirst("svg.waits-chart g.point[data-day=" + EARLY + "] > title").text())
			.endsWith("median 30 min, 90th percentile 2 h 0 min, decided: 2");
		assertThat(page.select("svg.waits-chart polyline.median")).isNotEmpty();
		// the CSP allows no inline style and no inline script: the charts need neither
		assertThat(page.select(".moderation-stats [style], .moderation-stats script")).isEmpty();
	}

	@Test
	void thirtyDaysLeaveOutTheEarlierDaysAndThreads() {
		Document page = stats("/moderation/stats");
		assertThat(page.selectFirst(".stats-periods [aria-current=page]").attr("data-days")).isEqualTo("30");
		assertThat(page.selectFirst(".stats-periods a[data-days=90]").attr("href"))
			.isEqualTo("/moderation/stats?days=90");
		assertThat(page.select(".figures tbody tr")).hasSize(30);
		assertThat(page.selectFirst(".figures tr[data-day=" + EARLY + "]")).isNull();
		assertThat(row(page, RECENT).selectFirst(".comments").text()).isEqualTo("6");
		assertThat(page.select(".busiest tbody tr")).hasSize(1);
		assertThat(page.selectFirst(".busiest .thread a").attr("href")).isEqualTo("/articles/" + busy);
		// an unknown period is the default one, not an error
		assertThat(stats("/moderation/stats?days=7").select(".figures tbody tr")).hasSize(30);
		assertThat(stats("/moderation/stats?days=%27").select(".figures tbody tr")).hasSize(30);
	}

	@Test
	void thePageSpeaksTheModeratorsLanguage() {
		String email = "moderator" + unique() + "@example.org";
		String password = "correct horse battery " + unique();
		identity.createAccount(new NewAccount(email, password, "Модератор " + unique(), Role.MODERATOR));
		var ukrainian = BrowserSession.signIn(http.with("Accept-Language", "uk"), email, password);
		Document page = ukrainian.get("/moderation/stats?days=90").html();
		assertThat(page.selectFirst("h1").text()).isEqualTo("Статистика модерації");
		assertThat(row(page, EARLY).selectFirst(".ninetieth").text()).isEqualTo("2 год 0 хв");
		assertThat(page.selectFirst("svg.shares-chart rect.spam[data-day=" + RECENT + "] > title").text())
			.endsWith("Спам: 1 з 6 (17%)");
	}

	@Test
	void moderatorsFindThePageFromTheQueueAndReadersMayNotSeeIt() {
		assertThat(moderator.get("/moderation").html().select(".moderation-queue a").eachAttr("href"))
			.contains("/moderation/stats");
		assertThat(session(Role.ADMINISTRATOR).get("/moderation/stats").status()).isEqualTo(200);
		assertThat(session(Role.EDITOR).get("/moderation/stats").status()).isEqualTo(403);
		assertThat(session(Role.READER).get("/moderation/stats").status()).isEqualTo(403);
		assertThat(http.get("/moderation/stats").status()).isEqualTo(302);
	}

	private Document stats(String path) {
		var response = moderator.get(path);
		assertThat(response.status()).as("GET %s", path).isEqualTo(200);
		return response.html();
	}

	private static Element row(Document page, LocalDate day) {
		Element row = page.selectFirst(".figures tr[data-day=" + day + "]");
		assertThat(row).as("the row of %s", day).isNotNull();
		return row;
	}

	private long approvedComment(String slug) {
		rules(r -> {
			r.holdFirstComment = false;
			return r;
		});
		return posted(post(slug, newEmail(), "A reader agrees " + unique()), 201);
	}

	private long heldComment(String slug) {
		rules(r -> {
			r.holdFirstComment = true;
			return r;
		});
		return posted(post(slug, newEmail(), "A first comment " + unique()), 202);
	}

	private static long at(LocalDate day, int hour, int minute) {
		return day.atTime(LocalTime.of(hour, minute)).toInstant(ZoneOffset.UTC).toEpochMilli();
	}

	/** Moves the comment, and the reasons it was held for, to the day and time. */
	private void posted(long commentId, LocalDate day, int hour, int minute) {
		long at = at(day, hour, minute);
		db.execute("UPDATE comment SET created_at = ? WHERE id = ?", at, commentId);
		db.execute("UPDATE comment_reason SET created_at = ? WHERE comment_id = ?", at, commentId);
	}

	/** A decision through the queue's form, moved in the log to the day and time. */
	private void decide(long commentId, String decision, String tab, LocalDate day, int hour, int minute) {
		var done = submit(moderator, "/moderation?tab=" + tab, "/moderation/comments/" + commentId + "/decide",
				Map.of("decision", decision, "tab", tab));
		assertThat(done.status()).isEqualTo(302);
		assertThat(db.execute("UPDATE moderation_action SET created_at = ? WHERE comment_id = ? AND action = ?",
				at(day, hour, minute), commentId, decision))
			.isEqualTo(1);
	}

}
