package org.veche.notification.internal;

import org.jooq.DSLContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.veche.backup.BackupTable;
import org.veche.backup.TableSection;

/**
 * Subscriptions and the outbox in a backup: a site that moves keeps its readers'
 * confirmed subscriptions, their digests in progress, the mail not yet sent, the webhooks
 * with their secrets and deliveries not yet made and the keys that stop an event from
 * being mailed twice. The link key is a site setting, so old links keep working on the
 * new machine.
 */
@Component
@Order(60)
class NotificationsBackup extends TableSection {

	NotificationsBackup(DSLContext db) {
		super(db, "notification", BackupTable.withId("notification_reader"),
				BackupTable.withId("notification_subscription"),
				BackupTable.keyedBy("notification_digest_item", "subscription_id", "event_key"),
				BackupTable.withId("notification_outbox"), BackupTable.withId("webhook"),
				BackupTable.withId("webhook_delivery"));
	}

}
