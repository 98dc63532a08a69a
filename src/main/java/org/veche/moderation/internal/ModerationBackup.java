package org.veche.moderation.internal;

import org.jooq.DSLContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.veche.backup.BackupTable;
import org.veche.backup.TableSection;

/**
 * Why comments were held, readers' reports, bans, the moderators' log (with its hash
 * chain) and appeals, in a backup.
 */
@Component
@Order(50)
class ModerationBackup extends TableSection {

	ModerationBackup(DSLContext db) {
		super(db, "moderation", BackupTable.keyedBy("comment_reason", "comment_id", "position"),
				BackupTable.withId("comment_report"), BackupTable.withId("comment_ban"),
				BackupTable.withId("moderation_action"), BackupTable.withId("comment_appeal"));
	}

}
