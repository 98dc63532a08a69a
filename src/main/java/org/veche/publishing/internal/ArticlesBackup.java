package org.veche.publishing.internal;

import org.jooq.DSLContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.veche.backup.BackupTable;
import org.veche.backup.TableSection;

/**
 * Articles and photo stories with their tags, in a backup.
 */
@Component
@Order(20)
class ArticlesBackup extends TableSection {

	ArticlesBackup(DSLContext db) {
		super(db, "publishing", BackupTable.withId("article"), BackupTable.keyedBy("article_tag", "article_id", "tag"));
	}

}
