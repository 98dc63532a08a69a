package org.veche.media.internal;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.springframework.stereotype.Component;
import org.veche.site.OnPostgreSql;
import org.veche.site.SiteProperties;

/**
 * Photo files in PostgreSQL ({@code media_file}), for a site of several nodes: a file
 * written on one node is found by every other. Each node still writes and serves the
 * files from its data directory, which is only a cache here: a file a node lacks is
 * fetched once from the database and written there. PostgreSQL rather than an object
 * store, because it adds no library to the jar, no service to run, and pg_dump backs up
 * the photos with the rows that name them. One node (SQLite) has no such bean and keeps
 * its files on disk as before.
 */
@Component
@OnPostgreSql
public class SharedMediaStore {

	private static final Table<Record> FILE = table(name("media_file"));

	private static final Field<String> PATH = field(name("media_file", "path"), String.class);

	private static final Field<byte[]> BYTES = field(name("media_file", "bytes"), byte[].class);

	private static final Field<Long> CREATED_AT = field(name("media_file", "created_at"), Long.class);

	private final DSLContext db;

	private final Path dataDir;

	private final Clock clock;

	SharedMediaStore(DSLContext db, SiteProperties site, Clock clock) {
		this.db = db;
		this.dataDir = site.dataDir();
		this.clock = clock;
	}

	/** Stores the file at its path under the data directory ("media/key/640.jpg"). */
	void put(String path, byte[] bytes) {
		db.insertInto(FILE)
			.set(PATH, path)
			.set(BYTES, bytes)
			.set(CREATED_AT, clock.millis())
			.onConflict(PATH)
			.doUpdate()
			.set(BYTES, bytes)
			.execute();
	}

	void putFile(String path, Path file) throws IOException {
		put(path, Files.readAllBytes(file));
	}

	Optional<byte[]> get(String path) {
		return db.select(BYTES).from(FILE).where(PATH.eq(path)).fetchOptional(BYTES);
	}

	/**
	 * The local copy of the file, fetched from the database when this node lacks it.
	 * @param path relative to the data directory, already checked to stay inside it
	 */
	public Optional<Path> local(String path) throws IOException {
		Path file = dataDir.resolve(path);
		if (Files.isRegularFile(file)) {
			return Optional.of(file);
		}
		Optional<byte[]> stored = get(path);
		if (stored.isEmpty()) {
			return Optional.empty();
		}
		Files.createDirectories(file.getParent());
		// written beside and moved in, so that a reader of the same file at the same
		// moment never sees half of it
		Path partial = Files.createTempFile(file.getParent(), ".fetch-", ".part");
		Files.write(partial, stored.get());
		Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		return Optional.of(file);
	}

	void rename(String from, String to) {
		db.update(FILE).set(PATH, to).where(PATH.eq(from)).execute();
	}

	void deleteUnder(String prefix) {
		db.deleteFrom(FILE).where(PATH.startsWith(prefix)).execute();
	}

	void delete(String path) {
		db.deleteFrom(FILE).where(PATH.eq(path)).execute();
	}

	/** Every stored path under the folder ("media/", "originals/"), for backups. */
	List<String> paths(String folder) {
		return db.select(PATH).from(FILE).where(PATH.startsWith(folder)).orderBy(PATH).fetch(PATH);
	}

	/**
	 * Before a backup: every file of the site on this node's disk, so the backup holds
	 * them all.
	 */
	void fetchAll() throws IOException {
		for (String folder : List.of("media/", "originals/")) {
			for (String path : paths(folder)) {
				local(path);
			}
		}
	}

	/**
	 * After a restore: every file the backup brought, into the database, so that every
	 * node finds it.
	 */
	void storeAll() throws IOException {
		for (String folder : List.of("media", "originals")) {
			Path root = dataDir.resolve(folder);
			if (!Files.isDirectory(root)) {
				continue;
			}
			try (Stream<Path> files = Files.walk(root)) {
				for (Path file : files.filter(Files::isRegularFile)
					.filter(f -> !f.getFileName().toString().startsWith("."))
					.toList()) {
					putFile(dataDir.relativize(file).toString().replace('\\', '/'), file);
				}
			}
		}
	}

}
