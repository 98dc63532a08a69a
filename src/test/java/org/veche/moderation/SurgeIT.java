package org.veche.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.veche.discussion.CommentRecords;
import org.veche.discussion.CommentStatus;
import org.veche.identity.NewAccount;
import org.veche.identity.Role;
import org.veche.moderation.internal.RaidDetector;
import org.veche.moderation.internal.Reasons;
import org.veche.moderation.internal.SurgeMode;
import org.veche.moderation.internal.SurgeSettings;
import org.veche.support.BrowserSession;
import org.veche.support.Http;
import org.veche.support.TestMail;

/**
 * A raid replayed across five threads: near-duplicate comments of new guests from two
 * addresses. Surge mode starts once the evidence passes its settings, holds new
 * identities' comments on the threads hit (and on the whole site once enough are hit) but
 * not a known commenter's, tells the moderators with one mail, shows a banner with the
 * evidence in the queue, logs every step with counts and thread ids only, and lifts
 * itself when the attack has been quiet for the (shortened) quiet period, after which new
 * identities are published again.
 */
class SurgeIT extends ModerationSupport {

	/**
	 * Short enough for a test, long enough that the steps between the attack's posts
	 * never reach it.
	 */
	private static final Duration QUIET = Duration.ofSeconds(10);

	@Autowired
	private SurgeSettings surgeSettings;

	@Autowired
	private SurgeMode surgeMode;

	@Autowired
	private SurgeWatch surges;

	@Autowired
	private Reasons reasons;

	@Autowired
	private CommentRecords records;

	@BeforeEach
	void surgeOfSixOnThreeThreadsSiteWideAtFive() {
		rules(r -> {
			r.floodInterval = Duration.ZERO;
			return r;
		});
		surgeSettings.save(new SurgeRules(6, 3, 5, QUIET));
	}

	/**
	 * Surge mode off again, and no surge left in force for the tests that share the site.
	 */
	@AfterEach
	void surgeOff() {
		surgeMode.active().ifPresent(s -> surgeMode.lift(s.id(), null, "test"));
		surgeSettings.save(new SurgeRules(0, 3, 5, QUIET));
	}

	private Http.Response post(String slug, String address, String email, String body) {
		return http.from(address)
			.postJson("/api/v1/articles/" + slug + "/comments", reply(null, "Reader " + unique(), email, body));
	}

	/** A new guest's comment: 201 published, 202 held. */
	private long posts(String slug, String address, String body, int status) {
		return posted(post(slug, address, newEmail(), body), status);
	}

	private long articleId(String slug) {
		return http.get("/api/v1/articles/" + slug).json().get("id").asLong();
	}

	@Test
	void aRaidAcrossFiveThreadsTurnsOnSurgeModeWidensItAndLiftsItselfWhenQuiet() throws Exception {
		String moderatorEmail = "surge-moderator" + unique() + "@example.org";
		identity
			.createAccount(new NewAccount(moderatorEmail, "moderator password 7", "Surge Moderator", Role.MODERATOR));
		subscribeToHeldComments(moderatorEmail, "moderator password 7");

		String text = "Wake up people, the council sold the river park to developers, sign the petition now!";
		String[] variants = { text, text.toUpperCase(), text + " 2291", text.replace(",", " --") + "!!",
				"WAKE UP people: the council SOLD the river park to developers. Sign the petition now" };
		List<String> threads = List.of(newArticle("Surge one"), newArticle("Surge two"), newArticle("Surge three"),
				newArticle("Surge four"), newArticle("Surge five"));
		String elsewhere = newArticle("Untouched");
		String known = newEmail();
		posted(post(elsewhere, newAddress(), known,
				"I have been reading this paper for years, good work on the bridge story."), 201);
		String first = newAddress();
		String second = newAddress();

		// three threads, two addresses: the first three are published, the fourth shows
		// the attack and is held
		var before = List.of(posts(threads.get(0), first, variants[0], 201),
				posts(threads.get(1), second, variants[1], 201), posts(threads.get(2), first, variants[2], 201));
		assertThat(surges.surge()).isEmpty();
		long showed = posts(threads.get(0), second, variants[3], 202);
		assertThat(reasons.of(List.of(showed)).get(showed)).contains(SurgeMode.REASON);
		// what of the attack was shown before is taken down with it
		for (long earlier : before) {
			assertThat(records.comment(earlier).orElseThrow().status()).isEqualTo(CommentStatus.PENDING);
			assertThat(reasons.of(List.of(earlier)).get(earlier)).contains(SurgeMode.REASON);
		}
		Surge surge = surges.surge().orElseThrow();
		assertThat(surge.siteWide()).isFalse();
		assertThat(surge.comments()).isEqualTo(4);
		assertThat(surge.addresses()).isEqualTo(2);
		assertThat(surge.threads().stream().map(a -> a.slug()).toList())
			.containsExactlyInAnyOrderElementsOf(threads.subList(0, 3));

		// new identities on the threads hit are held whatever they write; elsewhere and
		// known commenters are not
		long calm = posts(threads.get(1), newAddress(), "A calm and unrelated remark about the tram timetable change.",
				202);
		assertThat(reasons.of(List.of(calm)).get(calm)).containsExactly(SurgeMode.REASON);
		posts(elsewhere, newAddress(), "Another unrelated remark, this time about the library opening hours.", 201);
		posted(post(threads.get(1), newAddress(), known, "Still reading, and still disagreeing with the columnist."),
				201);

		// the attack reaches a fourth and a fifth thread: surge mode widens to the whole
		// site
		posts(threads.get(3), first, variants[4], 202);
		posts(threads.get(4), second, variants[0], 202);
		surge = surges.surge().orElseThrow();
		assertThat(surge.siteWide()).isTrue();
		assertThat(surge.threads()).hasSize(5);
		posts(elsewhere, newAddress(), "A new reader with a question about the library opening hours.", 202);
		posted(post(elsewhere, newAddress(), known, "And a known reader who is published as ever, surge or not."), 201);

		// the moderators: a banner with the evidence and a lift button, and one mail
		var moderator = BrowserSession.signIn(http.from(newAddress()), moderatorEmail, "moderator password 7");
		var queue = moderator.get("/moderation").html();
		var banner = queue.selectFirst(".surge-banner[data-surge=" + surge.id() + "]");
		assertThat(banner).isNotNull();
		assertThat(banner.selectFirst(".surge-evidence").text()).contains("from new identities on 5 threads")
			.contains("from 2 network addresses");
		assertThat(banner.select(".surge-threads li")).hasSize(5);
		assertThat(banner.selectFirst("form.surge-lift").attr("action"))
			.isEqualTo("/moderation/surge/" + surge.id() + "/lift");
		var mail = TestMail.awaitMessage(moderatorEmail, 1);
		assertThat(TestMail.subject(mail)).contains("Surge mode").contains("a coordinated attack on 3 threads");
		assertThat(TestMail.text(mail)).contains("Surge one").contains("network addresses").contains("/moderation");

		// the log: start and widening, with counts and thread ids, never an address or a
		// text
		var log = moderator.get("/moderation/log").html();
		String started = log.selectFirst("tr[data-action=surge-start] .detail").text();
		assertThat(started).contains("#" + surge.id())
			.contains("4 near-duplicate comments")
			.contains("2 address hashes")
			.contains("3 threads")
			.contains(String.valueOf(articleId(threads.get(0))));
		assertThat(log.selectFirst("tr[data-action=surge-start] .who").text()).isEqualTo("The site (surge mode)");
		String widened = log.selectFirst("tr[data-action=surge-widen] .detail").text();
		assertThat(widened).contains("5 threads").contains("site-wide");
		for (String detail : List.of(started, widened)) {
			assertThat(detail).doesNotContain(first).doesNotContain(second).doesNotContainIgnoringCase("petition");
		}

		// quiet for the quiet period: it lifts itself, logs it, and new identities are
		// published again
		await(() -> surges.surge().isEmpty()
				&& moderator.get("/moderation/log").html().selectFirst("tr[data-action=surge-end]") != null);
		assertThat(moderator.get("/moderation").html().selectFirst(".surge-banner")).isNull();
		posts(threads.get(0), newAddress(), "After the storm, a new reader asks when the park reopens to everyone.",
				201);
		posts(elsewhere, newAddress(), "And another new reader remarks on the weather over the weekend, nothing more.",
				201);
		assertThat(TestMail.to(moderatorEmail)).as("one mail for the whole surge, none per held comment").hasSize(1);
	}

	@Autowired
	private RaidDetector raids;

	@Test
	void aLongAttackIsComparedWithTheSitesNewestSignaturesOnly() {
		// threads and comment ids of its own (the detector keeps signatures only), spread
		// over five threads
		long thread = 8_000_000 + System.nanoTime() % 1_000_000;
		long[] signature = raids
			.signature("Long attack: the stadium deal is a scam, tell everyone you know before the vote on Friday");
		Instant at = Instant.now();
		for (int i = 0; i < 2 * 256 + 10; i++) {
			raids.remember(thread + i % 5, thread * 1_000 + i, signature, at, null, "address-" + i % 3);
		}
		SurgeMode.Evidence evidence = surgeMode.evidence(thread, signature, "address-0", at);
		// 522 near-duplicates are in the window, but a post reads and compares the newest
		// 256: its cost is flat
		assertThat(evidence.earlier()).hasSize(256);
		assertThat(evidence.comments()).isEqualTo(257);
		assertThat(evidence.threads()).hasSize(5);
		assertThat(evidence.addresses()).isEqualTo(3);
		assertThat(evidence.passes()).isTrue();
	}

	@Test
	void aModeratorLiftsSurgeModeFromTheBannerAndTheLogSaysWho() {
		String text = "Breaking: the mayor hides the audit report, everyone repost this before it vanishes from the web";
		List<String> threads = List.of(newArticle("Lift one"), newArticle("Lift two"), newArticle("Lift three"));
		String from = newAddress();
		for (int i = 0; i < 6; i++) {
			posts(threads.get(i % 3), i % 2 == 0 ? from : newAddress(), i % 2 == 0 ? text : text.toUpperCase(),
					i < 5 ? 201 : 202);
		}
		long id = surges.surge().orElseThrow().id();
		var moderator = session(Role.MODERATOR);
		var lifted = submit(moderator, "/moderation", "/moderation/surge/" + id + "/lift", Map.of("tab", "pending"));
		assertThat(lifted.status()).isEqualTo(302);
		assertThat(surges.surge()).isEmpty();
		var row = moderator.get("/moderation/log").html().selectFirst("tr[data-action=surge-lift]");
		assertThat(row.selectFirst(".who").text()).startsWith("MODERATOR");
		assertThat(row.selectFirst(".detail").text()).contains("#" + id).contains("3 threads");
		posts(threads.get(0), newAddress(), "A new reader, after the lift, on something else entirely: the buses.",
				201);

		var again = submit(moderator, "/moderation", "/moderation/surge/" + id + "/lift", Map.of("tab", "pending"));
		assertThat(again.status()).isEqualTo(404);
	}

	@Test
	void surgeSettingsAreShownAndSavedOnTheDiscussionSettingsPage() {
		var admin = session(Role.ADMINISTRATOR);
		var page = admin.get("/admin/discussion").html();
		assertThat(page.selectFirst("form#surge input[name=surgeSize]").attr("value")).isEqualTo("6");
		var saved = submit(admin, "/admin/discussion", "/admin/discussion/surge",
				Map.of("surgeSize", "12", "surgeThreads", "4", "surgeSiteWide", "8", "surgeQuietMinutes", "45"));
		assertThat(saved.status()).isEqualTo(302);
		assertThat(surges.rules()).isEqualTo(new SurgeRules(12, 4, 8, Duration.ofMinutes(45)));
		var refused = submit(admin, "/admin/discussion", "/admin/discussion/surge",
				Map.of("surgeSize", "12", "surgeThreads", "4", "surgeSiteWide", "2", "surgeQuietMinutes", "45"));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.html().selectFirst(".form-error").text()).contains("whole site");
		assertThat(surges.rules().siteWideThreads()).isEqualTo(8);
	}

	/**
	 * Signs in, opens the notifications page from the account page and asks for held
	 * comments at once.
	 */
	private void subscribeToHeldComments(String email, String password) {
		var session = BrowserSession.signIn(http.from(newAddress()), email, password);
		String manage = session.get("/account/notifications").header("Location").replaceFirst("^https?://[^/]+", "");
		var page = session.get(manage);
		assertThat(page.status()).isEqualTo(200);
		var added = session.postForm(manage,
				Map.of("add", "held", "cadence", "instant", "_csrf", BrowserSession.csrfToken(page.html())));
		assertThat(added.status()).isEqualTo(302);
	}

	private static void await(BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + QUIET.plusSeconds(30).toNanos();
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("waited for the surge to lift").isLessThan(deadline);
			Thread.sleep(500);
		}
	}

}
