package org.veche.notification.internal;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.veche.schema.tables.WebhookDelivery;
import org.veche.site.RejectedInput;

/**
 * The webhooks an administrator registered (`webhook`) and the deliveries waiting for
 * them (`webhook_delivery`, one row per webhook and event, so an event handled twice is
 * sent once).
 */
@Repository
public class Webhooks {

	static final org.veche.schema.tables.Webhook WEBHOOK = org.veche.schema.tables.Webhook.WEBHOOK;

	/**
	 * Unqualified: the id of whichever of the two tables a query reads (the tests read
	 * deliveries by it too).
	 */
	static final Field<Long> ID = field(name("id"), Long.class);

	static final Field<String> URL = WEBHOOK.URL;

	static final Field<String> SECRET = WEBHOOK.SECRET;

	static final Field<Boolean> ALLOW_PRIVATE = WEBHOOK.ALLOW_PRIVATE;

	static final Field<Long> CREATED_BY = WEBHOOK.CREATED_BY;

	static final Field<Long> CREATED_AT = WEBHOOK.CREATED_AT;

	static final WebhookDelivery DELIVERY = WebhookDelivery.WEBHOOK_DELIVERY;

	static final Field<Long> WEBHOOK_ID = DELIVERY.WEBHOOK_ID;

	static final Field<String> EVENT_KEY = DELIVERY.EVENT_KEY;

	static final Field<String> PAYLOAD = DELIVERY.PAYLOAD;

	static final Field<Integer> ATTEMPTS = DELIVERY.ATTEMPTS;

	static final Field<Long> NEXT_ATTEMPT_AT = DELIVERY.NEXT_ATTEMPT_AT;

	static final Field<Long> DELIVERED_AT = DELIVERY.DELIVERED_AT;

	static final Field<Long> FAILED_AT = DELIVERY.FAILED_AT;

	static final Field<String> LAST_ERROR = DELIVERY.LAST_ERROR;

	private static final Field<Long> D_ID = DELIVERY.ID;

	private static final Field<Long> D_CREATED_AT = DELIVERY.CREATED_AT;

	private static final Field<Long> W_ID = WEBHOOK.ID;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final DSLContext db;

	private final Clock clock;

	private final JdbcClient jdbc;

	Webhooks(DSLContext db, JdbcClient jdbc, Clock clock) {
		this.db = db;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * A registered address.
	 *
	 * @param secret the key its deliveries are signed with
	 * @param allowPrivate whether the administrator allowed a loopback or private address
	 */
	public record Webhook(long id, String url, String secret, boolean allowPrivate, Instant createdAt) {
	}

	/**
	 * A delivery that is due, with where it goes.
	 *
	 * @param attempts how many times it failed
	 * @param nextAttemptAt when it became due (epoch milliseconds), which claiming it
	 * compares
	 */
	record Due(long id, Target target, String payload, int attempts, long nextAttemptAt) {
	}

	/**
	 * Where a delivery goes, as its webhook says.
	 *
	 * @param secret the key the delivery is signed with
	 * @param allowPrivate whether the administrator allowed a loopback or private address
	 */
	record Target(long webhookId, String url, String secret, boolean allowPrivate) {
	}

	/**
	 * Registers an http(s) address with a new secret; a loopback or private one only if
	 * allowed.
	 */
	@Transactional
	public Webhook register(String url, boolean allowPrivate, long by) {
		URI uri = checked(url);
		byte[] key = new byte[32];
		RANDOM.nextBytes(key);
		String secret = "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(key);
		Instant now = clock.instant();
		long id = db.insertInto(WEBHOOK)
			.set(URL, uri.toString())
			.set(SECRET, secret)
			.set(ALLOW_PRIVATE, allowPrivate)
			.set(CREATED_BY, by)
			.set(CREATED_AT, now.toEpochMilli())
			.returningResult(ID)
			.fetchOne(ID);
		return new Webhook(id, uri.toString(), secret, allowPrivate, Instant.ofEpochMilli(now.toEpochMilli()));
	}

	private static URI checked(String url) {
		if (url == null || url.isBlank() || url.length() > 2000) {
			throw new RejectedInput("webhook.url.invalid");
		}
		try {
			URI uri = new URI(url.strip());
			String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
			if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
					|| uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
				throw new RejectedInput("webhook.url.invalid");
			}
			return uri;
		}
		catch (URISyntaxException ex) {
			throw new RejectedInput("webhook.url.invalid");
		}
	}

	public List<Webhook> all() {
		return db.select(ID, URL, SECRET, ALLOW_PRIVATE, CREATED_AT)
			.from(WEBHOOK)
			.orderBy(ID)
			.fetch(r -> new Webhook(r.value1(), r.value2(), r.value3(), Boolean.TRUE.equals(r.value4()),
					Instant.ofEpochMilli(r.value5())));
	}

	/** Removes a webhook and what waits for it. */
	@Transactional
	public void remove(long id) {
		db.deleteFrom(DELIVERY).where(WEBHOOK_ID.eq(id)).execute();
		if (db.deleteFrom(WEBHOOK).where(ID.eq(id)).execute() == 0) {
			throw new RejectedInput(HttpStatus.NOT_FOUND, "webhook.notFound");
		}
	}

	/** Queues the event for every webhook, in the caller's transaction. */
	void queue(String eventKey, String payload, Instant now) {
		List<Long> hooks = db.select(ID).from(WEBHOOK).fetch(ID);
		for (long hook : hooks) {
			db.insertInto(DELIVERY)
				.set(WEBHOOK_ID, hook)
				.set(EVENT_KEY, eventKey)
				.set(PAYLOAD, payload)
				.set(D_CREATED_AT, now.toEpochMilli())
				.set(NEXT_ATTEMPT_AT, now.toEpochMilli())
				.onConflictDoNothing()
				.execute();
		}
	}

	boolean any() {
		// asked for every comment: plain SQL (jOOQ would render it afresh each time)
		return jdbc.sql("select 1 from webhook limit 1").query(Integer.class).optional().isPresent();
	}

	List<Due> due(Instant now, int limit) {
		return db.select(D_ID, WEBHOOK_ID, URL, SECRET, ALLOW_PRIVATE, PAYLOAD, ATTEMPTS, NEXT_ATTEMPT_AT)
			.from(DELIVERY)
			.join(WEBHOOK)
			.on(W_ID.eq(WEBHOOK_ID))
			.where(DELIVERED_AT.isNull().and(FAILED_AT.isNull()).and(NEXT_ATTEMPT_AT.le(now.toEpochMilli())))
			.orderBy(NEXT_ATTEMPT_AT, D_ID)
			.limit(limit)
			.fetch(r -> new Due(r.value1(),
					new Target(r.value2(), r.value3(), r.value4(), Boolean.TRUE.equals(r.value5())), r.value6(),
					r.value7(), r.value8()));
	}

	/** Takes a due delivery for a while, so a slow receiver is not sent it twice. */
	boolean claim(Due due, Instant until) {
		return db.update(DELIVERY)
			.set(NEXT_ATTEMPT_AT, until.toEpochMilli())
			.where(ID.eq(due.id()).and(NEXT_ATTEMPT_AT.eq(due.nextAttemptAt())).and(DELIVERED_AT.isNull()))
			.execute() == 1;
	}

	void delivered(long id, Instant at) {
		db.update(DELIVERY)
			.set(DELIVERED_AT, at.toEpochMilli())
			.set(ATTEMPTS, ATTEMPTS.plus(1))
			.where(ID.eq(id))
			.execute();
	}

	void retryAt(long id, Instant at, String error) {
		db.update(DELIVERY)
			.set(NEXT_ATTEMPT_AT, at.toEpochMilli())
			.set(ATTEMPTS, ATTEMPTS.plus(1))
			.set(LAST_ERROR, error)
			.where(ID.eq(id))
			.execute();
	}

	void failed(long id, Instant at, String error) {
		db.update(DELIVERY)
			.set(FAILED_AT, at.toEpochMilli())
			.set(ATTEMPTS, ATTEMPTS.plus(1))
			.set(LAST_ERROR, error)
			.where(ID.eq(id))
			.execute();
	}

	/**
	 * Delivered and given-up rows older than the time go; their keys kept an event from
	 * being sent twice.
	 */
	int forget(Instant before) {
		return db.deleteFrom(DELIVERY)
			.where(DELIVERED_AT.lt(before.toEpochMilli()).or(FAILED_AT.lt(before.toEpochMilli())))
			.execute();
	}

}
