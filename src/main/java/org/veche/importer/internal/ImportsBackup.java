package org.veche.importer.internal;

import org.jooq.DSLContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.veche.backup.BackupTable;
import org.veche.backup.TableSection;

/**
 * What earlier imports made of which record (so importing the same file into a restored
 * site still changes nothing) and the old site's addresses that redirect, in a backup.
 */
@Component
@Order(70)
class ImportsBackup extends TableSection {

	ImportsBackup(DSLContext db) {
		super(db, "importer", BackupTable.keyedBy("import_mapping", "source", "kind", "source_id"),
				BackupTable.keyedBy("old_permalink", "path"));
	}

}
