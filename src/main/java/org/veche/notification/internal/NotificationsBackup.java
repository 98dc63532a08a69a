package org.veche.notification.internal;

import org.jooq.DSLContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.veche.backup.BackupTable;
import org.veche.backup.TableSection;

/**
 * Who asked for which mail, the digests being gathered and the outbox, in a backup: a restored site goes on
 * mailing the same people about the same things, and never sends again what was sent.
 */
@Component
@Order(90)
class NotificationsBackup extends TableSection {

	NotificationsBackup(DSLContext db) {
		super(db, "notification", BackupTable.withId("notification_reader"),
				BackupTable.withId("notification_subscription"),
				BackupTable.keyedBy("notification_digest_item", "subscription_id", "event_key"),
				BackupTable.withId("notification_outbox"));
	}

}
