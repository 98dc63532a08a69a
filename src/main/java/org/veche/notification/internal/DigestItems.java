package org.veche.notification.internal;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.time.Instant;
import java.util.List;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.springframework.stereotype.Repository;

/**
 * The notification_digest_item table: what the next digest of a subscription will list, once per event.
 */
@Repository
class DigestItems {

	private static final Table<Record> ITEM = table(name("notification_digest_item"));

	private static final Field<Long> SUBSCRIPTION_ID = field(name("subscription_id"), Long.class);

	private static final Field<String> EVENT_KEY = field(name("event_key"), String.class);

	private static final Field<String> HEADLINE = field(name("headline"), String.class);

	private static final Field<String> EXCERPT = field(name("excerpt"), String.class);

	private static final Field<String> URL = field(name("url"), String.class);

	private static final Field<Long> CREATED = field(name("created_at"), Long.class);

	private final DSLContext db;

	DigestItems(DSLContext db) {
		this.db = db;
	}

	void add(long subscriptionId, String eventKey, Letters.Item item, Instant now) {
		db.insertInto(ITEM)
			.set(SUBSCRIPTION_ID, subscriptionId)
			.set(EVENT_KEY, eventKey)
			.set(HEADLINE, item.headline())
			.set(EXCERPT, item.excerpt())
			.set(URL, item.url())
			.set(CREATED, now.toEpochMilli())
			.onConflictDoNothing()
			.execute();
	}

	/** The items gathered before the given instant, oldest first. */
	List<Letters.Item> of(long subscriptionId, Instant before) {
		return db.select(HEADLINE, EXCERPT, URL)
			.from(ITEM)
			.where(SUBSCRIPTION_ID.eq(subscriptionId).and(CREATED.lt(before.toEpochMilli())))
			.orderBy(CREATED, EVENT_KEY)
			.fetch(r -> new Letters.Item(r.get(HEADLINE), r.get(EXCERPT), r.get(URL)));
	}

	void clear(long subscriptionId, Instant before) {
		db.deleteFrom(ITEM).where(SUBSCRIPTION_ID.eq(subscriptionId).and(CREATED.lt(before.toEpochMilli()))).execute();
	}

}
