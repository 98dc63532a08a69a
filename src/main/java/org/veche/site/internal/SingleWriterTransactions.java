package org.veche.site.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import javax.sql.DataSource;

import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.JdbcTransactionObjectSupport;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.DefaultTransactionStatus;

/**
 * SQLite has one writer at a time, and every transaction here begins IMMEDIATE (takes the
 * write lock at BEGIN). Left to SQLite, writers that find the lock taken wait in its busy
 * handler, which sleeps inside native code: a virtual thread there cannot unmount, so a
 * handful of waiting writers held both carrier threads of a two-core machine while the
 * writer that had the lock could not get one to commit, and posts came in bursts with
 * seconds-long gaps. Here writers queue first on a fair Java lock, where a waiting
 * virtual thread gives its carrier back, and reach BEGIN one at a time, in order of
 * arrival; readers (write-ahead log) never wait. The turn ends as soon as COMMIT or
 * ROLLBACK is done, before the after-commit listeners (caches, the live stream's
 * rendering) run, so that their work does not hold the next writer back. The SQLite
 * driver begins the next transaction (IMMEDIATE, so with the write lock) right after a
 * commit while auto-commit is off; auto-commit is therefore switched back on at once,
 * which ends that empty transaction and leaves the lock free.
 */
final class SingleWriterTransactions extends JdbcTransactionManager {

	private static final long WAIT_SECONDS = 30;

	private final ReentrantLock writer = new ReentrantLock(true);

	/**
	 * The transactions of this thread that hold a turn (a REQUIRES_NEW inside another
	 * holds a second one).
	 */
	private final ThreadLocal<Set<Object>> turns = ThreadLocal
		.withInitial(() -> Collections.newSetFromMap(new IdentityHashMap<>()));

	SingleWriterTransactions(DataSource dataSource) {
		super(dataSource);
	}

	@Override
	protected void doBegin(Object transaction, TransactionDefinition definition) {
		try {
			if (!writer.tryLock(WAIT_SECONDS, TimeUnit.SECONDS)) {
				throw new CannotCreateTransactionException("No turn to write within " + WAIT_SECONDS + " s");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new CannotCreateTransactionException("Interrupted while waiting to write", ex);
		}
		turns.get().add(transaction);
		try {
			super.doBegin(transaction, definition);
		}
		catch (RuntimeException | Error ex) {
			endTurn(transaction);
			throw ex;
		}
	}

	@Override
	protected void doCommit(DefaultTransactionStatus status) {
		try {
			super.doCommit(status);
			releaseWriteLock(status);
		}
		finally {
			endTurn(status.getTransaction());
		}
	}

	@Override
	protected void doRollback(DefaultTransactionStatus status) {
		try {
			super.doRollback(status);
			releaseWriteLock(status);
		}
		finally {
			endTurn(status.getTransaction());
		}
	}

	private static void releaseWriteLock(DefaultTransactionStatus status) {
		if (status.getTransaction() instanceof JdbcTransactionObjectSupport transaction
				&& transaction.hasConnectionHolder()) {
			try {
				Connection connection = transaction.getConnectionHolder().getConnection();
				if (!connection.getAutoCommit()) {
					connection.setAutoCommit(true);
				}
			}
			catch (SQLException ex) {
				// the connection is reset when it is released anyway; the lock is then
				// freed there
				LoggerFactory.getLogger(SingleWriterTransactions.class)
					.debug("Could not end the driver's next transaction", ex);
			}
		}
	}

	@Override
	protected void doCleanupAfterCompletion(Object transaction) {
		try {
			super.doCleanupAfterCompletion(transaction);
		}
		finally {
			endTurn(transaction);
		}
	}

	private void endTurn(Object transaction) {
		if (turns.get().remove(transaction)) {
			writer.unlock();
		}
	}

}
