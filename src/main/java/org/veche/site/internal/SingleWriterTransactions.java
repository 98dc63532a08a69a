package org.veche.site.internal;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import javax.sql.DataSource;

import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionDefinition;

/**
 * SQLite has one writer at a time, and every transaction here begins IMMEDIATE (takes the write lock at BEGIN).
 * Left to SQLite, writers that find the lock taken wait in its busy handler, which sleeps inside native code: a
 * virtual thread there cannot unmount, so a handful of waiting writers held both carrier threads of a two-core
 * machine while the writer that had the lock could not get one to commit, and posts came in bursts with
 * seconds-long gaps. Here writers queue first on a fair Java lock, where a waiting virtual thread gives its
 * carrier back, and reach BEGIN one at a time, in order of arrival; readers (write-ahead log) never wait.
 */
final class SingleWriterTransactions extends JdbcTransactionManager {

	private static final long WAIT_SECONDS = 30;

	private final ReentrantLock writer = new ReentrantLock(true);

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
		try {
			super.doBegin(transaction, definition);
		}
		catch (RuntimeException | Error ex) {
			writer.unlock();
			throw ex;
		}
	}

	@Override
	protected void doCleanupAfterCompletion(Object transaction) {
		try {
			super.doCleanupAfterCompletion(transaction);
		}
		finally {
			if (writer.isHeldByCurrentThread()) {
				writer.unlock();
			}
		}
	}

}
