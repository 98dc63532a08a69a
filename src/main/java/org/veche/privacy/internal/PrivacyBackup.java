package org.veche.privacy.internal;

import org.jooq.DSLContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.veche.backup.BackupTable;
import org.veche.backup.TableSection;

/**
 * Guests' pending links for a copy or erasure of their data, and the audit of requests,
 * in a backup: a restored site still answers a link mailed before the move, and keeps its
 * record of what it was asked.
 */
@Component
@Order(60)
class PrivacyBackup extends TableSection {

	PrivacyBackup(DSLContext db) {
		super(db, "privacy", BackupTable.withId("privacy_link"), BackupTable.withId("privacy_request"));
	}

}
