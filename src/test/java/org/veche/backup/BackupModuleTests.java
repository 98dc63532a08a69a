package org.veche.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.veche.support.ModuleTestSite;

/**
 * The backup module alone: the SPI and the column-by-column copy every module's section
 * builds on, over a table of the test's own (the module owns none).
 */
@ApplicationModuleTest
@ModuleTestSite
class BackupModuleTests {

	/**
	 * Past the largest int: a SQLite INTEGER column read as a Java int would cut it
	 * short.
	 */
	private static final long EPOCH_MILLIS = 1_767_225_600_123L;

	@Autowired
	DSLContext db;

	@Test
	void aTableSectionWritesItsRowsAndReadsThemBackUnchanged() {
		db.execute(
				"CREATE TABLE backup_probe (id BIGINT PRIMARY KEY, title VARCHAR(100), posted_at BIGINT, note VARCHAR(100))");
		db.execute("INSERT INTO backup_probe VALUES (1, 'First', " + EPOCH_MILLIS + ", NULL), (2, 'Второй', 0, 'x')");
		var section = new ProbeSection(db);
		assertThat(section.rows()).isEqualTo(2);

		var written = new ArrayList<Map<String, Object>>();
		section.write(new BackupWriter() {
			@Override
			public void table(String table, Stream<Map<String, Object>> rows) {
				try (rows) {
					rows.forEach(written::add);
				}
			}

			@Override
			public void file(String name, Path source) {
				throw new AssertionError("a table section without files wrote " + name);
			}
		});
		assertThat(written).extracting(row -> row.get("title")).containsExactly("First", "Второй");
		assertThat(written.getFirst().get("posted_at")).isEqualTo(EPOCH_MILLIS);

		db.execute("DELETE FROM backup_probe");
		section.read(new BackupReader() {
			@Override
			public void rows(String table, Consumer<Map<String, Object>> row) {
				assertThat(table).isEqualTo("backup_probe");
				written.forEach(row);
			}

			@Override
			public void files(Map<String, Path> folders) {
			}
		});

		assertThat(db.fetch("SELECT id, title, posted_at, note FROM backup_probe ORDER BY id")
			.map(r -> List.of(r.get(0, Long.class), r.get(1, String.class), r.get(2, Long.class),
					String.valueOf(r.get(3)))))
			.containsExactly(List.of(1L, "First", EPOCH_MILLIS, "null"), List.of(2L, "Второй", 0L, "x"));
	}

	private static final class ProbeSection extends TableSection {

		ProbeSection(DSLContext db) {
			super(db, "probe", BackupTable.keyedBy("backup_probe", "id"));
		}

	}

}
