package org.veche.site.internal;

import java.sql.SQLException;
import java.util.Locale;

/**
 * Tells a failure of the storage itself (the disk is full, the data directory or the
 * database is read-only) from a fault of the program: the first is the site's weather,
 * answered 503 with Retry-After and a clear message, and passes when space returns,
 * because every request takes a new look at the disk.
 */
final class StorageFailure {

	/** Seconds a client is asked to wait before trying again. */
	static final String RETRY_AFTER = "60";

	private StorageFailure() {
	}

	static boolean is(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t instanceof SQLException sql && isStorage(sql)) {
				return true;
			}
			String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
			if (message.contains("no space left on device") || message.contains("read-only file system")
					|| message.contains("database or disk is full")
					|| message.contains("attempt to write a readonly database") || message.contains("sqlite_full")
					|| message.contains("sqlite_readonly")) {
				return true;
			}
		}
		return false;
	}

	private static boolean isStorage(SQLException sql) {
		String state = sql.getSQLState() == null ? "" : sql.getSQLState();
		// PostgreSQL: 53100 disk full, 53xxx insufficient resources, 25006 read-only
		// transaction (a standby)
		if (state.equals("53100") || state.equals("25006") || state.startsWith("58030")) {
			return true;
		}
		// SQLite (xerial): the primary result code is the low byte; 13 FULL, 8 READONLY,
		// 10 IOERR
		int primary = sql.getErrorCode() & 0xFF;
		return sql.getClass().getName().startsWith("org.sqlite.") && (primary == 13 || primary == 8 || primary == 10);
	}

}
