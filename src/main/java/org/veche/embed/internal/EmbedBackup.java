package org.veche.embed.internal;

import org.jooq.DSLContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.veche.backup.BackupTable;
import org.veche.backup.TableSection;

/**
 * Which page of another site each thread discusses, and the readers' embed sign-ins (only
 * hashes of the tokens), in a backup; after the articles they point at.
 */
@Component
@Order(50)
class EmbedBackup extends TableSection {

	EmbedBackup(DSLContext db) {
		super(db, "embed", BackupTable.withId("embedded_page"), BackupTable.withId("embed_token"));
	}

}
