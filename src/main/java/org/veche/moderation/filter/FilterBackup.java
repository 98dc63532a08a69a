package org.veche.moderation.filter;

import org.jooq.DSLContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.veche.backup.BackupTable;
import org.veche.backup.TableSection;

/**
 * The learning filter's labelled examples and its trained models, in a backup: a restored
 * site screens as well as the old one did from its first comment.
 */
@Component
@Order(55)
class FilterBackup extends TableSection {

	FilterBackup(DSLContext db) {
		super(db, "filter", BackupTable.withId("filter_example"), BackupTable.keyedBy("filter_model", "task"));
	}

}
