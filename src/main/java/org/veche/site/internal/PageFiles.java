package org.veche.site.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.util.FileSystemUtils;

/**
 * The files behind big kept pages, which the connector sends with sendfile (no copy
 * through the heap and Tomcat's buffers). Each version of a page, and each of its
 * compressed copies, is a file of its own, written once under a name never used again and
 * moved into place whole. A file is deleted only {@link #GRACE} after its page left the
 * cache, so a send that found the page just before never loses its file (the connector
 * opens it as soon as the filter returns, and an open file outlives its deletion). Each
 * run writes in a folder of its own under {@code data/page-cache}, locked while it runs;
 * folders of runs that ended are deleted at start. When the folder cannot be written,
 * pages stay in memory.
 */
final class PageFiles implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(PageFiles.class);

	/**
	 * How long a file outlives its page: ample beside the microseconds between lookup and
	 * open.
	 */
	static final Duration GRACE = Duration.ofSeconds(10);

	private static final String LOCK = ".lock";

	/** One copy of a page, in a file, and its length in bytes. */
	record File(Path path, long length) {
	}

	private record Retired(Path path, long at) {
	}

	private final Clock clock;

	private final Path folder;

	private final FileChannel lockChannel;

	private final AtomicLong sequence = new AtomicLong();

	private final ConcurrentLinkedQueue<Retired> retired = new ConcurrentLinkedQueue<>();

	PageFiles(Path dataDir, Clock clock) {
		this.clock = clock;
		Path root = dataDir.resolve("page-cache");
		Path folder = null;
		FileChannel lockChannel = null;
		try {
			Files.createDirectories(root);
			deleteEndedRuns(root);
			folder = Files.createDirectory(root.resolve(UUID.randomUUID().toString()));
			lockChannel = FileChannel.open(folder.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
			lockChannel.tryLock();
		}
		catch (IOException | UncheckedIOException ex) {
			log.warn("Kept pages stay in memory: {} cannot be written ({})", root, ex.toString());
			folder = null;
			if (lockChannel != null) {
				try {
					lockChannel.close();
				}
				catch (IOException closing) {
					ex.addSuppressed(closing);
				}
				lockChannel = null;
			}
		}
		this.folder = folder;
		this.lockChannel = lockChannel;
	}

	/** Whether pages can be kept in files at all. */
	boolean available() {
		return folder != null;
	}

	Path folder() {
		return folder;
	}

	/**
	 * Writes the bytes to a new file, or returns null (the caller keeps them in memory)
	 * when it cannot.
	 */
	File write(byte[] bytes, String suffix) {
		if (folder == null) {
			return null;
		}
		sweep(clock.millis());
		long number = sequence.incrementAndGet();
		Path temporary = folder.resolve(number + ".tmp");
		Path path = folder.resolve(number + "." + suffix);
		try {
			Files.write(temporary, bytes);
			Files.move(temporary, path, StandardCopyOption.ATOMIC_MOVE);
			return new File(path, bytes.length);
		}
		catch (IOException ex) {
			// a full disk: the page stays in memory, as a small one would
			log.debug("Kept page not written to {}: {}", path, ex.toString());
			deleteQuietly(temporary);
			return null;
		}
	}

	byte[] read(File file) {
		try {
			return Files.readAllBytes(file.path());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The file's page left the cache: the file goes after the grace period. */
	void retire(File file) {
		retired.add(new Retired(file.path(), clock.millis()));
	}

	@Scheduled(fixedDelay = 10_000, initialDelay = 10_000)
	void sweep() {
		sweep(clock.millis());
	}

	/** Deletes the files retired at least the grace period before {@code now}. */
	void sweep(long now) {
		long before = now - GRACE.toMillis();
		for (Retired next = retired.peek(); next != null && next.at() <= before; next = retired.peek()) {
			if (retired.remove(next)) {
				deleteQuietly(next.path());
			}
		}
	}

	/** The files of this run, the lock aside. */
	long count() throws IOException {
		if (folder == null) {
			return 0;
		}
		try (var files = Files.list(folder)) {
			return files.filter(file -> !file.getFileName().toString().equals(LOCK)).count();
		}
	}

	@Override
	public void close() {
		if (folder == null) {
			return;
		}
		try {
			lockChannel.close();
			FileSystemUtils.deleteRecursively(folder);
		}
		catch (IOException ex) {
			log.debug("Kept pages' folder {} left behind: {}", folder, ex.toString());
		}
	}

	/**
	 * Deletes the folders of earlier runs, which hold no lock any more; a running one's
	 * is left alone.
	 */
	private static void deleteEndedRuns(Path root) throws IOException {
		try (DirectoryStream<Path> runs = Files.newDirectoryStream(root, Files::isDirectory)) {
			for (Path run : runs) {
				if (ended(run)) {
					try {
						FileSystemUtils.deleteRecursively(run);
					}
					catch (IOException ex) {
						log.warn("An earlier run's kept pages in {} could not be deleted: {}", run, ex.toString());
					}
				}
			}
		}
	}

	private static boolean ended(Path run) {
		Path lock = run.resolve(LOCK);
		if (!Files.exists(lock)) {
			// a run that is starting this very moment makes its folder, then its lock
			try {
				return Files.getLastModifiedTime(run).toMillis() < System.currentTimeMillis() - 60_000;
			}
			catch (IOException ex) {
				return false;
			}
		}
		try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.WRITE)) {
			FileLock held = channel.tryLock();
			if (held == null) {
				return false;
			}
			held.release();
			return true;
		}
		catch (OverlappingFileLockException ex) {
			// another application context in this process runs on the same data directory
			return false;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static void deleteQuietly(Path path) {
		try {
			Files.deleteIfExists(path);
		}
		catch (IOException ex) {
			log.debug("Kept page's file {} not deleted: {}", path, ex.toString());
		}
	}

}
