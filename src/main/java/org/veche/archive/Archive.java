package org.veche.archive;

import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.veche.archive.internal.BackupZipReader;
import org.veche.archive.internal.BackupZipWriter;
import org.veche.archive.internal.WxrExport;
import org.veche.backup.BackupRefused;
import org.veche.backup.BackupSection;

/**
 * The archive module's face: the whole site out as a backup or as WordPress's WXR, and a
 * backup back into an empty site. Each module's {@link BackupSection} writes and reads
 * its own tables; this only frames them.
 */
@Service
public class Archive {

	private final List<BackupSection> sections;

	private final TransactionTemplate snapshot;

	private final TransactionTemplate writing;

	private final ObjectProvider<Flyway> flyway;

	private final ArchiveProperties limits;

	private final WxrExport wxr;

	private final Clock clock;

	private final DSLContext db;

	Archive(List<BackupSection> sections, PlatformTransactionManager transactions, DSLContext db,
			ObjectProvider<Flyway> flyway, ArchiveProperties limits, WxrExport wxr, Clock clock) {
		this.sections = sections;
		this.db = db;
		this.snapshot = new TransactionTemplate(transactions);
		snapshot.setReadOnly(true);
		// SQLite's transactions are serializable already, and its driver refuses to be
		// told so
		if (db.dialect().family() == SQLDialect.POSTGRES) {
			snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
		}
		this.writing = new TransactionTemplate(transactions);
		this.flyway = flyway;
		this.limits = limits;
		this.wxr = wxr;
		this.clock = clock;
	}

	/** The sections in the order they are written and restored. */
	public List<BackupSection> sections() {
		return sections;
	}

	/**
	 * Writes every section into one zip, from one consistent snapshot of the database (a
	 * comment and its likes are either both in or both out).
	 */
	public ArchiveReport backup(OutputStream out, Progress progress) {
		long started = System.nanoTime();
		// Flyway reads its history on a connection of its own: before the snapshot, not
		// inside it
		String schema = schema();
		return snapshot.execute(status -> {
			long rows = sections.stream().mapToLong(BackupSection::rows).sum();
			progress.phase("rows", rows);
			var writer = new BackupZipWriter(out, progress, clock.millis(), schema, rows);
			for (BackupSection section : sections) {
				writer.beginSection(section.name());
				section.write(writer);
				writer.endSection();
			}
			Map<String, Long> counts = writer.finish();
			return new ArchiveReport("backup", counts, writer.files(), writer.bytes(), List.of(),
					Duration.ofNanos(System.nanoTime() - started));
		});
	}

	/**
	 * Restores a backup into an empty site in one transaction; a refusal or any failure
	 * on the way leaves the database as it was and removes the files already written.
	 */
	public ArchiveReport restore(Path file, Progress progress) {
		long started = System.nanoTime();
		var bounds = new BackupZipReader.Limits(limits.maxEntrySize().toBytes(), limits.maxEntries(),
				limits.maxTotalSize().toBytes());
		try (BackupZipReader reader = BackupZipReader.open(file, bounds, progress)) {
			refuseNewerSchema(reader.header().schema());
			try {
				writing.executeWithoutResult(status -> {
					refuseUnlessEmpty();
					progress.phase("rows", reader.header().rows());
					Map<String, BackupSection> byName = sections.stream()
						.collect(Collectors.toMap(BackupSection::name, s -> s, (a, b) -> a, LinkedHashMap::new));
					for (String name = reader.nextSection(); name != null; name = reader.nextSection()) {
						BackupSection section = byName.get(name);
						if (section == null) {
							throw new BackupRefused("The backup holds a section \"" + name
									+ "\" that this site does not know: is it from a newer version of Veche?");
						}
						section.read(reader);
						reader.endSection();
					}
					reader.finish();
				});
			}
			catch (RuntimeException ex) {
				reader.undo();
				throw BackupZipReader.refusal(ex);
			}
			return new ArchiveReport("restore", reader.counts(), reader.files(), reader.bytes(), List.of(),
					Duration.ofNanos(System.nanoTime() - started));
		}
	}

	/**
	 * The whole site as a WordPress eXtended RSS 1.2 file that WordPress's importer
	 * reads.
	 */
	/**
	 * @param baseUrl the site's public address, for the links and attachment URLs in the
	 * file
	 */
	public ArchiveReport wxr(OutputStream out, String baseUrl, Progress progress) {
		long started = System.nanoTime();
		WxrExport.Counts counts = wxr.write(out, baseUrl.replaceAll("/+$", ""), progress);
		return new ArchiveReport("wxr", counts.asMap(), 0, counts.bytes(), counts.skipped(),
				Duration.ofNanos(System.nanoTime() - started));
	}

	/**
	 * SQLite only: a consistent copy of the whole database into a new file (VACUUM INTO),
	 * made while the site serves: it reads as one transaction, so writers go on and the
	 * copy holds every commit before it began. The copy is a working database: stop the
	 * site, put it in place of veche.db, start again. On PostgreSQL, pg_dump does the
	 * same.
	 */
	public void snapshot(Path file) {
		if (db.dialect().family() != SQLDialect.SQLITE) {
			throw new BackupRefused("A snapshot copies an SQLite database; on PostgreSQL use pg_dump (see the README)");
		}
		if (java.nio.file.Files.exists(file)) {
			throw new BackupRefused("The snapshot would overwrite " + file + ": give a new file name");
		}
		db.execute("VACUUM INTO ?", file.toAbsolutePath().toString());
	}

	/** Whether a restore would be accepted now. */
	public boolean siteIsEmpty() {
		return sections.stream().allMatch(BackupSection::isEmpty);
	}

	private void refuseUnlessEmpty() {
		var holding = sections.stream().filter(s -> !s.isEmpty()).map(BackupSection::name).toList();
		if (!holding.isEmpty()) {
			throw new BackupRefused("This site is not empty (" + String.join(", ", holding)
					+ " hold data): a backup is restored only into a new site, so that nothing stored is lost");
		}
	}

	private void refuseNewerSchema(String backupSchema) {
		String site = schema();
		if (!backupSchema.isEmpty() && !site.isEmpty()
				&& MigrationVersion.fromVersion(backupSchema).compareTo(MigrationVersion.fromVersion(site)) > 0) {
			throw new BackupRefused("The backup was made by a newer Veche (database version " + backupSchema
					+ ", this site has " + site + "): upgrade this site first");
		}
	}

	private String schema() {
		Flyway migrations = flyway.getIfAvailable();
		if (migrations == null || migrations.info().current() == null) {
			return "";
		}
		return migrations.info().current().getVersion().getVersion();
	}

}
