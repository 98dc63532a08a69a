package org.veche.site.internal;

import org.jooq.DSLContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.veche.backup.BackupReader;
import org.veche.backup.BackupTable;
import org.veche.backup.TableSection;
import org.veche.schema.tables.SiteSetting;

/**
 * The site's settings in a backup. A new site makes its keys on its first start, so they
 * are replaced by the backup's rather than counted as content: remember-me cookies and
 * address hashes go on working after a restore.
 */
@Component
@Order(0)
class SettingsBackup extends TableSection {

	private final DSLContext db;

	SettingsBackup(DSLContext db) {
		super(db, "site", BackupTable.keyedBy("site_setting", "name"));
		this.db = db;
	}

	@Override
	public boolean isEmpty() {
		return true;
	}

	@Override
	public void read(BackupReader in) {
		db.deleteFrom(SiteSetting.SITE_SETTING).execute();
		super.read(in);
	}

}
