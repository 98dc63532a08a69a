package org.veche.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.veche.backup.BackupSection;
import org.veche.support.IntegrationTest;

/**
 * Every table of the schema, as the database itself lists it (less Flyway's history), is
 * written and restored by exactly one module's backup section; so a table that a new
 * migration adds cannot be left out of backups.
 */
class BackupCoverageIT extends IntegrationTest {

	@Autowired
	DataSource dataSource;

	@Autowired
	List<BackupSection> sections;

	@Test
	void everyTableInTheSchemaBelongsToOneBackupSection() throws Exception {
		List<String> tables;
		try (Connection db = dataSource.getConnection()) {
			tables = ArchiveSupport.tables(db);
		}
		assertThat(tables).contains("account", "article", "comment", "photo", "site_setting");
		Map<String, String> owner = new HashMap<>();
		var twice = new ArrayList<String>();
		for (BackupSection section : sections) {
			for (String table : section.tables()) {
				if (owner.put(table, section.name()) != null) {
					twice.add(table);
				}
			}
		}
		assertThat(twice).as("tables in two sections").isEmpty();
		assertThat(tables.stream().filter(t -> !owner.containsKey(t)).toList())
			.as("tables no backup section writes: add them to the owning module's BackupSection")
			.isEmpty();
		assertThat(owner.keySet().stream().filter(t -> !tables.contains(t)).toList())
			.as("tables a section names that the schema does not have")
			.isEmpty();
		assertThat(sections.stream().map(BackupSection::name).distinct().count()).isEqualTo(sections.size());
	}

}
