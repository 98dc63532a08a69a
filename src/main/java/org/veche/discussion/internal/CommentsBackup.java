package org.veche.discussion.internal;

import org.jooq.DSLContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.veche.backup.BackupTable;
import org.veche.backup.TableSection;

/**
 * Comments (every status, with their e-mail and address hashes), their authors' earlier
 * texts and likes, in a backup; in id order, so a reply always comes after the comment it
 * answers.
 */
@Component
@Order(40)
class CommentsBackup extends TableSection {

	CommentsBackup(DSLContext db) {
		super(db, "discussion", BackupTable.withId("comment"), BackupTable.withId("comment_revision"),
				BackupTable.keyedBy("comment_like", "comment_id", "reader"));
	}

}
