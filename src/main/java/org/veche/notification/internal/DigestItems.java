package org.veche.notification.internal;

import java.time.Instant;
import java.util.List;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.springframework.stereotype.Repository;
import org.veche.schema.tables.NotificationDigestItem;

/**
 * The notification_digest_item table: what the next digest of a subscription will list,
 * once per event.
 */
@Repository
class DigestItems {

	private static final NotificationDigestItem ITEM = NotificationDigestItem.NOTIFICATION_DIGEST_ITEM;

	private static final Field<Long> SUBSCRIPTION_ID = ITEM.SUBSCRIPTION_ID;

	private static final Field<String> EVENT_KEY = ITEM.EVENT_KEY;

	private static final Field<String> HEADLINE = ITEM.HEADLINE;

	private static final Field<String> EXCERPT = ITEM.EXCERPT;

	private static final Field<String> URL = ITEM.URL;

	private static final Field<Long> CREATED = ITEM.CREATED_AT;

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
