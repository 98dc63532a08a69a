package org.veche.live.internal;

import org.jooq.DSLContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.veche.backup.BackupTable;
import org.veche.backup.TableSection;

/**
 * Live blogs and their updates, in a backup.
 */
@Component
@Order(80)
class LiveBlogsBackup extends TableSection {

	LiveBlogsBackup(DSLContext db) {
		super(db, "live", BackupTable.keyedBy("live_blog", "article_id"), BackupTable.withId("live_update"));
	}

}
