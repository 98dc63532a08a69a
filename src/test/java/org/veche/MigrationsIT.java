package org.veche;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeMap;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.veche.support.TestDatabase;

/**
 * Migrations whose SQL is the same on both databases moved to db/migration/common with
 * the same name and content: a site migrated before the move (each database's files in
 * one place) still validates, and migrates nothing more, under the locations the site
 * uses now; and no version is defined in two places. On SQLite, and on PostgreSQL in that
 * pass.
 */
class MigrationsIT {

	/**
	 * Flyway's checksum of V93 as sites recorded it before the move (CRC32 of its lines):
	 * the moved file must keep it.
	 */
	private static final int V93_CHECKSUM = -1267910575;

	private static final PathMatchingResourcePatternResolver RESOURCES = new PathMatchingResourcePatternResolver();

	private final String vendor = TestDatabase.postgresql() ? "postgresql" : "sqlite";

	@Test
	void aDatabaseMigratedBeforeTheMoveValidatesAndMigratesNothingMore() throws IOException {
		Path dataDir = Files.createTempDirectory("veche-migrations-");
		String url = TestDatabase.newDatabaseUrl(dataDir);
		Flyway before = Flyway.configure()
			.dataSource(url, null, null)
			.locations("filesystem:" + layoutBeforeTheMove(dataDir.resolve("before")))
			.load();
		int applied = before.migrate().migrationsExecuted;
		assertThat(applied).isEqualTo(files("db/migration/" + vendor).size() + files("db/migration/common").size());

		Flyway now = Flyway.configure().dataSource(url, null, null).locations(siteLocations()).load();
		assertThat(now.validateWithResult().validationSuccessful).isTrue();
		assertThat(now.migrate().migrationsExecuted).isZero();
		MigrationInfo v93 = java.util.Arrays.stream(now.info().applied())
			.filter(m -> m.getVersion().getVersion().equals("93"))
			.findFirst()
			.orElseThrow();
		assertThat(v93.getChecksum()).isEqualTo(V93_CHECKSUM);
		assertThat(v93.getScript()).isEqualTo("V93__comment_statistics.sql");
	}

	@Test
	void aNewDatabaseMigratesFromTheSitesLocations() throws IOException {
		String url = TestDatabase.newDatabaseUrl(Files.createTempDirectory("veche-migrations-"));
		Flyway now = Flyway.configure().dataSource(url, null, null).locations(siteLocations()).load();
		assertThat(now.migrate().migrationsExecuted).isPositive();
		assertThat(now.validateWithResult().validationSuccessful).isTrue();
	}

	@Test
	void noVersionIsDefinedTwice() throws IOException {
		for (String dialect : List.of("sqlite", "postgresql")) {
			var versions = new TreeMap<String, List<String>>();
			for (String location : List.of("db/migration/" + dialect, "db/migration/common")) {
				for (Resource file : files(location)) {
					String version = file.getFilename().substring(1, file.getFilename().indexOf("__"));
					versions.computeIfAbsent(version, v -> new ArrayList<>()).add(location + "/" + file.getFilename());
				}
			}
			assertThat(versions.values()).as(dialect).allSatisfy(places -> assertThat(places).hasSize(1));
			assertThat(versions).as(dialect).containsKey("93");
		}
	}

	@Test
	void noMigrationIsWrittenTwiceTheSame() throws IOException {
		// a file the same on both databases belongs in common, written once
		for (Resource sqlite : files("db/migration/sqlite")) {
			Resource postgresql = RESOURCES.getResource("classpath:db/migration/postgresql/" + sqlite.getFilename());
			if (postgresql.exists()) {
				assertThat(postgresql.getContentAsByteArray()).as(sqlite.getFilename())
					.isNotEqualTo(sqlite.getContentAsByteArray());
			}
		}
	}

	/** The site's own spring.flyway.locations, for this run's database. */
	private String[] siteLocations() throws IOException {
		var properties = new Properties();
		try (InputStream in = getClass().getResourceAsStream("/application.properties")) {
			properties.load(in);
		}
		return properties.getProperty("spring.flyway.locations").replace("{vendor}", vendor).split(",");
	}

	/**
	 * The files as they were laid out before common existed: all of this database's
	 * migrations in one place.
	 */
	private Path layoutBeforeTheMove(Path dir) throws IOException {
		Files.createDirectories(dir);
		for (String location : List.of("db/migration/" + vendor, "db/migration/common")) {
			for (Resource file : files(location)) {
				Files.write(dir.resolve(file.getFilename()), file.getContentAsByteArray());
			}
		}
		return dir;
	}

	private static List<Resource> files(String location) throws IOException {
		return List.of(RESOURCES.getResources("classpath:" + location + "/V*.sql"));
	}

}
