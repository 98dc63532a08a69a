package org.veche.media.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.jooq.DSLContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.veche.backup.BackupReader;
import org.veche.backup.BackupTable;
import org.veche.backup.BackupWriter;
import org.veche.backup.TableSection;
import org.veche.site.SiteProperties;

/**
 * Photos in a backup: their rows and the variant files under the media folder, kept as the JPEG files they are.
 */
@Component
@Order(30)
class PhotosBackup extends TableSection {

	private final Path mediaDir;

	PhotosBackup(DSLContext db, SiteProperties site) {
		super(db, "media", BackupTable.withId("photo"));
		this.mediaDir = site.mediaDir();
	}

	@Override
	protected void writeFiles(BackupWriter out) {
		if (!Files.isDirectory(mediaDir)) {
			return;
		}
		try (Stream<Path> files = Files.walk(mediaDir)) {
			files.filter(Files::isRegularFile)
				.sorted()
				.forEach(file -> out.file(mediaDir.relativize(file).toString().replace('\\', '/'), file));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the media folder " + mediaDir, ex);
		}
	}

	@Override
	protected void readFiles(BackupReader in) {
		in.files(mediaDir);
	}

}
