package org.veche.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.veche.identity.NewAccount;
import org.veche.identity.Role;
import org.veche.moderation.DiscussionRules;
import org.veche.moderation.internal.RuleSettings;
import org.veche.support.BrowserSession;
import org.veche.support.Http;
import org.veche.support.IntegrationTest;

import tools.jackson.databind.JsonNode;

/**
 * Webhooks against a real receiver on loopback: deliveries are signed (Stripe's scheme),
 * tried again after a 500, sent for new, held and decided comments, refused to a private
 * address unless the administrator allowed it; the API is for administrators only and
 * answers bad input with problems.
 */
class WebhooksIT extends IntegrationTest {

	@Autowired
	private WebhookSender sender;

	@Autowired
	private Webhooks webhooks;

	@Autowired
	private Clock clock;

	@Autowired
	private DSLContext db;

	@Autowired
	private RuleSettings ruleSettings;

	private HttpServer receiver;

	private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();

	/** How many of the next requests the receiver answers with 500. */
	private final AtomicInteger failing = new AtomicInteger();

	private DiscussionRules rulesBefore;

	record Received(String body, String signature, String delivery, int answered) {

		JsonNode json() {
			return Http.JSON.readTree(body);
		}

	}

	@BeforeEach
	void startReceiver() throws IOException {
		rulesBefore = ruleSettings.rules();
		receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		receiver.createContext("/hook", exchange -> {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			int status = failing.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 500 : 204;
			received.add(new Received(body, exchange.getRequestHeaders().getFirst("Veche-Signature"),
					exchange.getRequestHeaders().getFirst("Veche-Delivery"), status));
			exchange.sendResponseHeaders(status, -1);
			exchange.close();
		});
		receiver.start();
	}

	@AfterEach
	void stopReceiver() {
		ruleSettings.save(rulesBefore);
		webhooks.all().forEach(hook -> webhooks.remove(hook.id()));
		receiver.stop(0);
	}

	private String hookUrl() {
		return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
	}

	private JsonNode register(String adminToken, boolean allowPrivate) {
		var response = http.bearer(adminToken)
			.postJson("/api/v1/webhooks", Map.of("url", hookUrl(), "allowPrivate", allowPrivate));
		assertThat(response.status()).as("%s", response).isEqualTo(201);
		return response.json();
	}

	private long comment(String slug, String body, int status) {
		var payload = new HashMap<String, Object>();
		payload.put("author", Map.of("name", "Hooked " + unique(), "email", "hooked" + unique() + "@example.org"));
		payload.put("body", body);
		var response = http.from(newAddress()).postJson("/api/v1/articles/" + slug + "/comments", payload);
		assertThat(response.status()).as("%s", response).isEqualTo(status);
		return response.json().get("id").asLong();
	}

	/**
	 * The next delivery about this comment, sending what is due at the time given until
	 * it comes.
	 */
	private Received next(long commentId, String type, Instant at) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
		while (System.nanoTime() < deadline) {
			sender.deliverDue(at);
			Received r = received.poll(500, TimeUnit.MILLISECONDS);
			if (r != null && r.json().get("comment").get("id").asLong() == commentId
					&& r.json().get("type").asString().equals(type)) {
				return r;
			}
		}
		throw new AssertionError("no " + type + " delivery for comment " + commentId);
	}

	@Test
	void deliveriesForNewHeldAndDecidedCommentsAreSignedWithTheWebhooksSecret() throws Exception {
		String admin = tokenFor(Role.ADMINISTRATOR);
		String secret = register(admin, true).get("secret").asString();
		assertThat(secret).startsWith("whsec_").hasSizeGreaterThan(40);
		String slug = publishArticle(tokenFor(Role.EDITOR), "Hooked " + unique());

		long approved = comment(slug, "A fine remark.", 201);
		Received posted = next(approved, "comment.new", clock.instant());
		assertThat(posted.answered()).isEqualTo(204);
		assertThat(posted.json().get("comment").get("status").asString()).isEqualTo("approved");
		assertThat(posted.body()).doesNotContain("A fine remark.").doesNotContain("@example.org");
		assertSigned(posted, secret);

		var r = ruleSettings.rules();
		ruleSettings.save(new DiscussionRules(r.holdLinks(), List.of("casino"), r.disallowedWords(),
				r.holdFirstComment(), r.nameAndEmailRequired(), r.closeAfterDays(), r.floodInterval(), r.maxLength(),
				r.guestsMayComment(), r.reportsToHold(), r.filterHold(), r.filterSpam(), r.raidSize()));
		long held = comment(slug, "Come to my casino.", 202);
		Received heldDelivery = next(held, "comment.held", clock.instant());
		assertThat(heldDelivery.json().get("comment").get("status").asString()).isEqualTo("pending");
		assertSigned(heldDelivery, secret);

		var decided = http.bearer(tokenFor(Role.MODERATOR))
			.postJson("/api/v1/moderation/comments/" + held + "/decision", Map.of("decision", "spam"));
		assertThat(decided.status()).as("%s", decided).isEqualTo(200);
		Received decision = next(held, "comment.decided", clock.instant());
		assertThat(decision.json().get("comment").get("status").asString()).isEqualTo("spam");
		assertThat(decision.json().get("comment").get("previousStatus").asString()).isEqualTo("pending");
		assertSigned(decision, secret);
		// a signature under another secret, or of another body, does not match
		assertThat(WebhookSignature.header("whsec_other", timestamp(decision), decision.body()))
			.isNotEqualTo(decision.signature());
		assertThat(WebhookSignature.header(secret, timestamp(decision), decision.body() + " "))
			.isNotEqualTo(decision.signature());
	}

	@Test
	void aDeliveryAnswered500IsTriedAgainAfterTheBackoffAndThenMarkedDelivered() throws Exception {
		register(tokenFor(Role.ADMINISTRATOR), true);
		String slug = publishArticle(tokenFor(Role.EDITOR), "Hooked retry " + unique());
		failing.set(1);
		long id = comment(slug, "Try me twice.", 201);

		Received first = next(id, "comment.new", clock.instant());
		assertThat(first.answered()).isEqualTo(500);
		var row = delivery(first.delivery());
		assertThat(((Number) row.get("attempts")).intValue()).isEqualTo(1);
		assertThat(row.get("delivered_at")).isNull();
		assertThat(row.get("last_error")).isEqualTo("HTTP 500");
		long waitMillis = ((Number) row.get("next_attempt_at")).longValue() - clock.millis();
		assertThat(waitMillis).isPositive();
		sender.deliverDue(clock.instant());
		assertThat(received.poll(300, TimeUnit.MILLISECONDS)).as("nothing before the backoff").isNull();

		Received second = next(id, "comment.new", clock.instant().plus(Duration.ofHours(2)));
		assertThat(second.answered()).isEqualTo(204);
		assertThat(second.delivery()).isEqualTo(first.delivery());
		assertThat(second.body()).isEqualTo(first.body());
		assertThat(delivery(first.delivery()).get("delivered_at")).isNotNull();
	}

	@Test
	void aLoopbackAddressIsNeverCalledUnlessTheAdministratorAllowedIt() throws Exception {
		register(tokenFor(Role.ADMINISTRATOR), false);
		String slug = publishArticle(tokenFor(Role.EDITOR), "Hooked private " + unique());
		long id = comment(slug, "Not for loopback.", 201);
		Long deliveryId = db.select(Webhooks.ID)
			.from(Webhooks.DELIVERY)
			.where(Webhooks.EVENT_KEY.eq("comment.new:" + id))
			.fetchOne(Webhooks.ID);
		assertThat(deliveryId).isNotNull();
		sender.deliverDue(clock.instant());
		assertThat(received.poll(1, TimeUnit.SECONDS)).isNull();
		var row = delivery(String.valueOf(deliveryId));
		assertThat(((Number) row.get("attempts")).intValue()).isEqualTo(1);
		assertThat((String) row.get("last_error")).contains("not a public address");
	}

	@Test
	void theApiIsForAdministratorsAndRefusesBadAddressesAsProblems() {
		String admin = tokenFor(Role.ADMINISTRATOR);
		problem(http.get("/api/v1/webhooks"), 401);
		problem(http.postJson("/api/v1/webhooks", Map.of("url", "https://tools.example/hook")), 401);
		String moderator = tokenFor(Role.MODERATOR);
		problem(http.bearer(moderator).get("/api/v1/webhooks"), 403);
		problem(http.bearer(moderator).postJson("/api/v1/webhooks", Map.of("url", "https://tools.example/hook")), 403);
		problem(http.bearer(tokenFor(Role.EDITOR)).delete("/api/v1/webhooks/1"), 403);
		for (String bad : List.of("ftp://tools.example/hook", "not an address", "https://user:pw@tools.example/",
				"javascript:alert(1)", "")) {
			problem(http.bearer(admin).postJson("/api/v1/webhooks", Map.of("url", bad)), 400);
		}
		problem(http.bearer(admin).postJson("/api/v1/webhooks", Map.of()), 400);
		problem(http.bearer(admin).delete("/api/v1/webhooks/987654321"), 404);
		assertThat(http.bearer(admin).get("/api/v1/webhooks").json().size()).isZero();

		long id = register(admin, false).get("id").asLong();
		var listed = http.bearer(admin).get("/api/v1/webhooks").json();
		assertThat(listed.get(0).get("url").asString()).isEqualTo(hookUrl());
		assertThat(http.get("/privacy").body()).contains("127.0.0.1").contains("never its text");
		assertThat(http.bearer(admin).delete("/api/v1/webhooks/" + id).status()).isEqualTo(204);
		assertThat(http.get("/privacy").body()).doesNotContain("never its text");
	}

	@Test
	void anAdministratorAddsAndRemovesAWebhookOnTheAdminPage() {
		String email = "webhooks" + unique() + "@example.org";
		String password = "correct horse battery " + unique();
		identity.createAccount(new NewAccount(email, password, "Admin " + unique(), Role.ADMINISTRATOR));
		var admin = BrowserSession.signIn(http, email, password);
		var page = admin.get("/admin/webhooks");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.html().select("table.webhooks")).isEmpty();

		var refused = admin.postForm("/admin/webhooks",
				Map.of("url", "ftp://tools.example/hook", "_csrf", BrowserSession.csrfToken(page.html())));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.html().selectFirst(".form-error").text()).startsWith("Give an http or https address");
		assertThat(refused.html().selectFirst("#url").attr("value")).isEqualTo("ftp://tools.example/hook");

		var added = admin.postForm("/admin/webhooks",
				Map.of("url", hookUrl(), "allowPrivate", "true", "_csrf", BrowserSession.csrfToken(page.html())));
		assertThat(added.status()).isEqualTo(302);
		var listed = admin.get("/admin/webhooks").html();
		var row = listed.selectFirst("tr[data-webhook]");
		assertThat(row.text()).contains(hookUrl()).contains("whsec_");
		assertThat(webhooks.all()).singleElement().matches(hook -> hook.allowPrivate());

		var removed = admin.postForm("/admin/webhooks/" + row.attr("data-webhook") + "/remove",
				Map.of("_csrf", BrowserSession.csrfToken(listed)));
		assertThat(removed.status()).isEqualTo(302);
		assertThat(webhooks.all()).isEmpty();
		var reader = tokenFor(Role.READER);
		assertThat(http.bearer(reader).get("/admin/webhooks").status()).isNotEqualTo(200);
	}

	private Map<String, Object> delivery(String id) {
		var r = db.select(Webhooks.ATTEMPTS, Webhooks.DELIVERED_AT, Webhooks.NEXT_ATTEMPT_AT, Webhooks.LAST_ERROR)
			.from(Webhooks.DELIVERY)
			.where(Webhooks.ID.eq(Long.valueOf(id)))
			.fetchOne();
		var row = new HashMap<String, Object>();
		row.put("attempts", r.value1());
		row.put("delivered_at", r.value2());
		row.put("next_attempt_at", r.value3());
		row.put("last_error", r.value4());
		return row;
	}

	private static long timestamp(Received r) {
		String t = r.signature().split(",")[0];
		assertThat(t).startsWith("t=");
		return Long.parseLong(t.substring(2));
	}

	/**
	 * Verifies as a receiver would: HMAC-SHA256 of "t.body" under the secret, and a fresh
	 * time.
	 */
	private static void assertSigned(Received r, String secret) throws Exception {
		assertThat(r.signature()).matches("t=\\d+,v1=[0-9a-f]{64}");
		long t = timestamp(r);
		assertThat(Math.abs(Instant.now().getEpochSecond() - t)).isLessThan(300);
		var mac = javax.crypto.Mac.getInstance("HmacSHA256");
		mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		String expected = java.util.HexFormat.of()
			.formatHex(mac.doFinal((t + "." + r.body()).getBytes(StandardCharsets.UTF_8)));
		assertThat(r.signature()).isEqualTo("t=" + t + ",v1=" + expected);
	}

	private static void problem(Http.Response response, int status) {
		assertThat(response.status()).as("%s", response).isEqualTo(status);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
	}

}
