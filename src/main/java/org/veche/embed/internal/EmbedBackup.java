package org.veche.embed.internal;

import org.jooq.DSLContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.veche.backup.BackupTable;
import org.veche.backup.TableSection;

/**
 * The other sites' pages whose discussions this site holds, and the embed sign-ins (only hashes of their
 * tokens), in a backup.
 */
@Component
@Order(85)
class EmbedBackup extends TableSection {

	EmbedBackup(DSLContext db) {
		super(db, "embed", BackupTable.withId("embedded_page"), BackupTable.withId("embed_token"));
	}

}
