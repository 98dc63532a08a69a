package org.veche.media.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.jooq.DSLContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.veche.backup.BackupReader;
import org.veche.backup.BackupTable;
import org.veche.backup.BackupWriter;
import org.veche.backup.TableSection;
import org.veche.site.SiteProperties;

/**
 * Photos in a backup: their rows and their files (the variants under data/media, the kept
 * originals under data/originals), as the files they are.
 */
@Component
@Order(30)
class PhotosBackup extends TableSection {

	/**
	 * The variants readers are served, and the uploads kept as they came when
	 * veche.media.keep-originals is on.
	 */
	private final Map<String, Path> folders;

	private final SharedMediaStore shared;

	PhotosBackup(DSLContext db, SiteProperties site, ObjectProvider<SharedMediaStore> shared) {
		super(db, "media", BackupTable.withId("photo"));
		this.folders = Map.of("media", site.mediaDir(), "originals", site.dataDir().resolve("originals"));
		this.shared = shared.getIfAvailable();
	}

	@Override
	protected void writeFiles(BackupWriter out) {
		if (shared != null) {
			// photos uploaded through other nodes are on this disk only once fetched
			try {
				shared.fetchAll();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot fetch the photo files from the database", ex);
			}
		}
		for (var folder : new TreeMap<>(folders).entrySet()) {
			Path root = folder.getValue();
			if (!Files.isDirectory(root)) {
				continue;
			}
			try (Stream<Path> files = Files.walk(root)) {
				files.filter(Files::isRegularFile)
					.sorted()
					.forEach(file -> out
						.file(folder.getKey() + "/" + root.relativize(file).toString().replace('\\', '/'), file));
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot read the folder " + root, ex);
			}
		}
	}

	@Override
	protected void readFiles(BackupReader in) {
		in.files(folders);
		if (shared != null) {
			try {
				shared.storeAll();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot store the restored photo files in the database", ex);
			}
		}
	}

}
