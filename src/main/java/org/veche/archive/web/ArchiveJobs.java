package org.veche.archive.web;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.veche.archive.Archive;
import org.veche.archive.ArchiveReport;
import org.veche.archive.Progress;
import org.veche.backup.BackupRefused;
import org.veche.site.SiteProperties;

/**
 * The one export, backup or restore the admin pages run at a time, on a thread of its own
 * so the page can show its progress. An export's file waits under data/archive for its
 * download; only the latest is kept, since a backup holds password hashes and e-mail
 * addresses.
 */
@Component
class ArchiveJobs {

	private static final Logger log = LoggerFactory.getLogger(ArchiveJobs.class);

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Archive archive;

	private final Path folder;

	private final Clock clock;

	private final AtomicReference<ArchiveRun> current = new AtomicReference<>();

	ArchiveJobs(Archive archive, SiteProperties site, Clock clock) {
		this.archive = archive;
		this.folder = site.dataDir().resolve("archive");
		this.clock = clock;
	}

	ArchiveRun current() {
		return current.get();
	}

	boolean running() {
		ArchiveRun job = current.get();
		return job != null && job.state() == ArchiveRun.State.RUNNING;
	}

	/** Starts an export into a new file; null when another run is still going. */
	ArchiveRun export(ArchiveRun.Kind kind, String baseUrl) {
		String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").format(clock.instant().atOffset(ZoneOffset.UTC));
		Path file = folder
			.resolve(kind == ArchiveRun.Kind.WXR ? "veche-" + stamp + ".wxr.xml" : "veche-backup-" + stamp + ".zip");
		return start(kind, file, progress -> {
			try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
				return kind == ArchiveRun.Kind.WXR ? archive.wxr(out, baseUrl, progress)
						: archive.backup(out, progress);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
	}

	/** Starts a restore of an uploaded file, which is removed when the run ends. */
	ArchiveRun restore(Path upload) {
		return start(ArchiveRun.Kind.RESTORE, null, progress -> {
			try {
				return archive.restore(upload, progress);
			}
			finally {
				deleteQuietly(upload);
			}
		});
	}

	Path uploadFile() throws IOException {
		Files.createDirectories(folder);
		return Files.createTempFile(folder, "restore-", ".zip");
	}

	private synchronized ArchiveRun start(ArchiveRun.Kind kind, Path file, Function<Progress, ArchiveReport> work) {
		if (running()) {
			return null;
		}
		ArchiveRun previous = current.get();
		if (previous != null && previous.file() != null) {
			deleteQuietly(previous.file());
		}
		try {
			Files.createDirectories(folder);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create " + folder, ex);
		}
		byte[] id = new byte[16];
		RANDOM.nextBytes(id);
		ArchiveRun job = new ArchiveRun(HexFormat.of().formatHex(id), kind, new Progress(), ArchiveRun.State.RUNNING,
				List.of(), null, file);
		current.set(job);
		Thread.ofVirtual().name("archive-" + kind.name().toLowerCase()).start(() -> {
			try {
				ArchiveReport report = work.apply(job.progress());
				current.set(job.finished(report));
				log.info("{} finished: {}", kind, report.lines().get(0));
			}
			catch (BackupRefused ex) {
				current.set(job.failed(ex.getMessage()));
				if (file != null) {
					deleteQuietly(file);
				}
			}
			catch (RuntimeException ex) {
				log.warn("{} failed", kind, ex);
				current.set(job.failed(ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage()));
				if (file != null) {
					deleteQuietly(file);
				}
			}
		});
		return job;
	}

	private static void deleteQuietly(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			log.warn("Cannot remove {}", file);
		}
	}

}
