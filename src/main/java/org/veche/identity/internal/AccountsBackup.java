package org.veche.identity.internal;

import org.jooq.DSLContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.veche.backup.BackupReader;
import org.veche.backup.BackupTable;
import org.veche.backup.TableSection;
import org.veche.identity.Role;

/**
 * Accounts with their password hashes, linked external identities, e-mail links and API
 * tokens (only hashes of them are stored, so a backup holds no usable token), in a
 * backup.
 */
@Component
@Order(10)
class AccountsBackup extends TableSection {

	private final DSLContext db;

	AccountsBackup(DSLContext db) {
		super(db, "identity", BackupTable.withId("account"), BackupTable.withId("account_identity"),
				BackupTable.withId("account_token"), BackupTable.withId("api_token"));
		this.db = db;
	}

	/**
	 * A new site has its first administrator (from /setup or the environment) before
	 * anything can be restored through the admin page; that one account does not make the
	 * site "not empty", and the backup's accounts replace it.
	 */
	@Override
	public boolean isEmpty() {
		int all = db.fetchCount(Accounts.ACCOUNT);
		return all == 0
				|| all == 1 && db.fetchCount(Accounts.ACCOUNT, Accounts.ROLE.eq(Role.ADMINISTRATOR.name())) == 1;
	}

	@Override
	public void read(BackupReader in) {
		// the foreign keys take the first administrator's tokens and links with it
		db.deleteFrom(Accounts.ACCOUNT).execute();
		super.read(in);
	}

}
