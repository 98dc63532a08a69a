package org.veche.backup;

import static org.jooq.impl.DSL.falseCondition;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SQLDialect;

/**
 * A section that copies its module's tables row by row, column by column: the module
 * names its tables (and so keeps the SQL over them at home), this class does the copying
 * that is the same for every table.
 */
public abstract class TableSection implements BackupSection {

	private static final int BATCH = 500;

	private final DSLContext db;

	private final String name;

	private final List<BackupTable> tables;

	protected TableSection(DSLContext db, String name, BackupTable... tables) {
		this.db = db;
		this.name = name;
		this.tables = List.of(tables);
	}

	@Override
	public String name() {
		return name;
	}

	@Override
	public List<String> tables() {
		return tables.stream().map(BackupTable::name).toList();
	}

	@Override
	public long rows() {
		return tables.stream().mapToLong(t -> db.fetchCount(table(DSL.name(t.name())))).sum();
	}

	@Override
	public void write(BackupWriter out) {
		for (BackupTable t : tables) {
			var order = t.orderBy().stream().map(column -> field(DSL.name(column))).toList();
			out.table(t.name(),
					db.select(readable(t.name()))
						.from(table(DSL.name(t.name())))
						.orderBy(order)
						.fetchSize(BATCH)
						.fetchStream()
						.map(Record::intoMap));
		}
		writeFiles(out);
	}

	@Override
	public void read(BackupReader in) {
		for (BackupTable t : tables) {
			Inserts inserts = new Inserts(t.name());
			in.rows(t.name(), inserts::add);
			inserts.flush();
			if (t.identity() != null) {
				continueIds(t);
			}
		}
		readFiles(in);
	}

	/**
	 * The table's columns as the database declares them, whole numbers read as long:
	 * SQLite declares epoch milliseconds INTEGER, which jOOQ would read as a Java int and
	 * cut short.
	 */
	private List<Field<?>> readable(String table) {
		return Arrays.stream(columns(table))
			.map(column -> column.getType() == Integer.class || column.getType() == Short.class
					|| column.getType() == Byte.class ? field(DSL.name(column.getName()), Long.class) : column)
			.<Field<?>>map(column -> column)
			.toList();
	}

	private Field<?>[] columns(String table) {
		return db.select().from(table(DSL.name(table))).where(falseCondition()).fetch().fields();
	}

	/** A section with files adds them here, after its rows. */
	protected void writeFiles(BackupWriter out) {
	}

	protected void readFiles(BackupReader in) {
	}

	/**
	 * PostgreSQL's identity columns do not move on when a row brings its own id, so the
	 * next new row would collide with a restored one; SQLite's AUTOINCREMENT counter
	 * follows the largest id by itself.
	 */
	private void continueIds(BackupTable t) {
		if (db.dialect().family() == SQLDialect.POSTGRES) {
			db.fetch("SELECT setval(pg_get_serial_sequence({0}, {1}), COALESCE(MAX({2}), 0) + 1, false) FROM {3}",
					DSL.inline(t.name()), DSL.inline(t.identity()), field(DSL.name(t.identity())),
					table(DSL.name(t.name())));
		}
	}

	/**
	 * Rows of one table, inserted in batches with the columns and types of the table as
	 * this database has it.
	 */
	private final class Inserts {

		private final String table;

		private final Map<String, Field<?>> columns = new HashMap<>();

		private List<String> order;

		private List<Field<?>> fields;

		private BatchBindStep batch;

		private int pending;

		Inserts(String table) {
			this.table = table;
			for (Field<?> column : columns(table)) {
				columns.put(column.getName().toLowerCase(Locale.ROOT), column);
			}
		}

		void add(Map<String, Object> row) {
			if (order == null) {
				order = new ArrayList<>(row.keySet());
				fields = new ArrayList<>();
				for (String column : order) {
					Field<?> known = columns.get(column.toLowerCase(Locale.ROOT));
					if (known == null) {
						throw new BackupRefused("The backup's table " + table + " has a column " + column
								+ " that this site does not have: is the backup from a newer version of Veche?");
					}
					// untyped, so that the driver binds what the backup holds: a SQLite
					// INTEGER column reads as a Java int, and binding through it would
					// cut epoch milliseconds short
					fields.add(field(DSL.name(known.getName())));
				}
				batch = newBatch();
			}
			if (!order.equals(new ArrayList<>(row.keySet()))) {
				throw new BackupRefused(
						"A row of " + table + " in the backup has other columns than the rows before it");
			}
			Object[] values = new Object[order.size()];
			for (int i = 0; i < values.length; i++) {
				values[i] = typed(columns.get(order.get(i).toLowerCase(Locale.ROOT)), row.get(order.get(i)));
			}
			batch = batch.bind(values);
			if (++pending == BATCH) {
				flush();
			}
		}

		void flush() {
			if (pending > 0) {
				batch.execute();
				pending = 0;
				batch = newBatch();
			}
		}

		private BatchBindStep newBatch() {
			return db
				.batch(db.insertInto(table(DSL.name(table)), fields).values(Arrays.asList(new Object[fields.size()])));
		}

		/**
		 * Flags are BOOLEAN on PostgreSQL and 0/1 on SQLite, so a backup from one
		 * restores into the other.
		 */
		private static Object typed(Field<?> column, Object value) {
			Class<?> type = column.getType();
			if (type == Boolean.class && value instanceof Number n) {
				return n.longValue() != 0;
			}
			if (Number.class.isAssignableFrom(type) && value instanceof Boolean b) {
				return b ? 1L : 0L;
			}
			return value;
		}

	}

}
