package org.veche.moderation.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.Optional;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.veche.schema.tables.ModerationAction;

/**
 * The moderation log's hash chain, kept in its own rows
 * ({@code moderation_action.chain_seq}, {@code chain_hash}). A row is written unsealed;
 * just before its transaction commits, the rows no committed transaction has sealed are
 * given the next numbers and each the SHA-256 of its line, which carries the hash of the
 * line before. On PostgreSQL an advisory lock held to the commit makes the nodes seal one
 * after another; taken last in the transaction (after every row lock the transaction
 * needed), it cannot close a cycle of waits. On SQLite the transaction already holds the
 * single writer. Rows from before the chain existed are sealed by the first append after
 * it.
 */
@Repository
public class AuditChain {

	static final ModerationAction MODERATION_ACTION = ModerationAction.MODERATION_ACTION;

	static final Field<Long> ID = MODERATION_ACTION.ID;

	static final Field<Long> MODERATOR_ID = MODERATION_ACTION.MODERATOR_ID;

	static final Field<String> MODERATOR_NAME = MODERATION_ACTION.MODERATOR_NAME;

	static final Field<String> ACTION = MODERATION_ACTION.ACTION;

	static final Field<Long> COMMENT_ID = MODERATION_ACTION.COMMENT_ID;

	static final Field<String> DETAIL = MODERATION_ACTION.DETAIL;

	static final Field<Long> CREATED_AT = MODERATION_ACTION.CREATED_AT;

	static final Field<Long> CHAIN_SEQ = MODERATION_ACTION.CHAIN_SEQ;

	static final Field<String> CHAIN_HASH = MODERATION_ACTION.CHAIN_HASH;

	/**
	 * Outside int4, so no {@code hashtext} key of another module's lock can be the same.
	 */
	private static final long LOCK = 0x7665_6368_6561_7564L;

	private static final int BATCH = 500;

	/**
	 * The last sealed line: its number and hash (0 and the genesis value for an empty
	 * log).
	 */
	public record Head(long seq, String hash) {
	}

	private final DSLContext db;

	AuditChain(DSLContext db) {
		this.db = db;
	}

	/**
	 * Seals the rows this transaction wrote just before it commits (at once when there is
	 * no transaction).
	 */
	public void sealOnCommit() {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			seal();
			return;
		}
		for (TransactionSynchronization registered : TransactionSynchronizationManager.getSynchronizations()) {
			if (registered instanceof Sealing) {
				return;
			}
		}
		TransactionSynchronizationManager.registerSynchronization(new Sealing());
	}

	/**
	 * Gives every unsealed row this transaction can see its number and hash, in the order
	 * of their ids.
	 */
	void seal() {
		if (db.dialect().family() == SQLDialect.POSTGRES) {
			db.select(DSL.field("pg_advisory_xact_lock({0})", Object.class, DSL.val(LOCK))).fetch();
		}
		var unsealed = db.select(ID, MODERATOR_ID, MODERATOR_NAME, ACTION, COMMENT_ID, DETAIL, CREATED_AT)
			.from(MODERATION_ACTION)
			.where(CHAIN_SEQ.isNull())
			.orderBy(ID)
			.fetch();
		if (unsealed.isEmpty()) {
			return;
		}
		Head head = head();
		long seq = head.seq();
		String prev = head.hash();
		for (var row : unsealed) {
			AuditLine line = line(row, ++seq, prev);
			prev = line.hash();
			db.update(MODERATION_ACTION).set(CHAIN_SEQ, seq).set(CHAIN_HASH, prev).where(ID.eq(row.get(ID))).execute();
		}
	}

	public Head head() {
		return db.select(CHAIN_SEQ, CHAIN_HASH)
			.from(MODERATION_ACTION)
			.where(CHAIN_SEQ.isNotNull())
			.orderBy(CHAIN_SEQ.desc())
			.limit(1)
			.fetchOptional(r -> new Head(r.value1(), r.value2()))
			.orElse(new Head(0, AuditLine.GENESIS));
	}

	/**
	 * The last line sealed with a time before the instant: what a month's report
	 * publishes as its anchor.
	 */
	public Optional<Head> headBefore(Instant end) {
		return db.select(CHAIN_SEQ, CHAIN_HASH)
			.from(MODERATION_ACTION)
			.where(CHAIN_SEQ.isNotNull())
			.and(CREATED_AT.lt(end.toEpochMilli()))
			.orderBy(CHAIN_SEQ.desc())
			.limit(1)
			.fetchOptional(r -> new Head(r.value1(), r.value2()));
	}

	/** The hash the database keeps for the line with this number. */
	public Optional<String> hashAt(long seq) {
		return db.select(CHAIN_HASH).from(MODERATION_ACTION).where(CHAIN_SEQ.eq(seq)).fetchOptional(CHAIN_HASH);
	}

	/**
	 * Writes the sealed log as JSON lines, each line rebuilt from its row with the hash
	 * the database keeps for the row before. A row changed in the database after it was
	 * sealed no longer hashes to what the next line says.
	 */
	public void export(Writer out) {
		walk((line, stored) -> {
			try {
				out.write(line.text());
				out.write('\n');
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			return true;
		});
	}

	/**
	 * Checks the chain in the database: each row rebuilt into its line must hash to what
	 * the row keeps.
	 * @return the first line (seq) that does not, or 0 when every line does
	 */
	public long firstBrokenInDatabase() {
		long[] expected = { 1 };
		long[] broken = { 0 };
		walk((line, stored) -> {
			// the line as the row's columns say now, after the hash kept for the row
			// before: a changed row no longer hashes to its own stored hash, a changed
			// hash no longer matches the next row's, a removed row leaves a gap in the
			// numbers
			if (line.seq() != expected[0] || !line.hash().equals(stored)) {
				broken[0] = expected[0];
				return false;
			}
			expected[0]++;
			return true;
		});
		return broken[0];
	}

	private interface Visitor {

		/**
		 * @return whether to go on
		 */
		boolean visit(AuditLine line, String storedHash);

	}

	/**
	 * Every sealed row in chain order, a batch at a time; each line carries the stored
	 * hash of the row before.
	 */
	private void walk(Visitor visitor) {
		long after = 0;
		String prev = AuditLine.GENESIS;
		while (true) {
			var rows = db
				.select(ID, MODERATOR_ID, MODERATOR_NAME, ACTION, COMMENT_ID, DETAIL, CREATED_AT, CHAIN_SEQ, CHAIN_HASH)
				.from(MODERATION_ACTION)
				.where(CHAIN_SEQ.gt(after))
				.orderBy(CHAIN_SEQ)
				.limit(BATCH)
				.fetch();
			for (var row : rows) {
				AuditLine line = line(row, row.get(CHAIN_SEQ), prev);
				if (!visitor.visit(line, row.get(CHAIN_HASH))) {
					return;
				}
				prev = row.get(CHAIN_HASH);
				after = row.get(CHAIN_SEQ);
			}
			if (rows.size() < BATCH) {
				return;
			}
		}
	}

	private static AuditLine line(Record row, long seq, String prev) {
		String detail = row.get(DETAIL);
		return new AuditLine(seq, row.get(ID), Instant.ofEpochMilli(row.get(CREATED_AT)), row.get(MODERATOR_ID),
				row.get(MODERATOR_NAME), row.get(ACTION), row.get(COMMENT_ID), detail == null ? "" : detail, prev);
	}

	/**
	 * Runs last before the commit: every row lock the transaction takes is taken by then.
	 */
	private final class Sealing implements TransactionSynchronization {

		@Override
		public int getOrder() {
			return Ordered.LOWEST_PRECEDENCE;
		}

		@Override
		public void beforeCommit(boolean readOnly) {
			seal();
		}

	}

}
