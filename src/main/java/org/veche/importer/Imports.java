package org.veche.importer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.veche.importer.internal.DisqusImport;
import org.veche.importer.internal.PermalinkLookup;
import org.veche.importer.internal.WxrImport;

/**
 * The import module's face: bring in a WordPress or Disqus export, now (the command line)
 * or in the background with a status to watch (the admin page). One import at a time,
 * since each writes in one transaction.
 */
@Service
public class Imports {

	private static final Logger log = LoggerFactory.getLogger(Imports.class);

	private static final int KEPT_RUNS = 20;

	private final WxrImport wxr;

	private final DisqusImport disqus;

	private final PermalinkLookup permalinks;

	private final Clock clock;

	private final AtomicLong sequence = new AtomicLong();

	private final AtomicReference<ImportRun> running = new AtomicReference<>();

	private final List<ImportRun> runs = Collections.synchronizedList(new ArrayList<>());

	Imports(WxrImport wxr, DisqusImport disqus, PermalinkLookup permalinks, Clock clock) {
		this.wxr = wxr;
		this.disqus = disqus;
		this.permalinks = permalinks;
		this.clock = clock;
	}

	/**
	 * Imports the file here and now; the run tells how it went (a failure left the site
	 * unchanged).
	 */
	public ImportRun run(ExportFormat format, Path file) {
		ImportRun run = begin(format, file.getFileName().toString());
		execute(run, file, false);
		return run;
	}

	/**
	 * Starts importing the file on its own thread and deletes it when done.
	 * @throws ImportFailed when another import is running
	 */
	public ImportRun start(ExportFormat format, Path file, String fileName) {
		ImportRun run = begin(format, fileName);
		Thread.ofVirtual().name("import-" + run.id()).start(() -> execute(run, file, true));
		return run;
	}

	public Optional<ImportRun> find(long id) {
		synchronized (runs) {
			return runs.stream().filter(r -> r.id() == id).findFirst();
		}
	}

	/** The latest runs, newest first. */
	public List<ImportRun> recent() {
		synchronized (runs) {
			var copy = new ArrayList<>(runs);
			Collections.reverse(copy);
			return copy;
		}
	}

	private ImportRun begin(ExportFormat format, String fileName) {
		var run = new ImportRun(sequence.incrementAndGet(), format, fileName, clock.instant(),
				new ImportProgress(clock));
		if (!running.compareAndSet(null, run)) {
			throw new ImportFailed("importer.error.busy", "Another import is running; try again when it has finished.");
		}
		synchronized (runs) {
			runs.add(run);
			while (runs.size() > KEPT_RUNS) {
				runs.remove(0);
			}
		}
		return run;
	}

	private void execute(ImportRun run, Path file, boolean deleteAfter) {
		try {
			switch (run.format()) {
				case WXR -> wxr.run(file, run.progress(), run.report());
				case DISQUS -> disqus.run(file, run.progress(), run.report());
			}
			run.progress().end(true);
			log.info("Import {} of {} ({}) finished: {}", run.id(), run.fileName(), run.format(),
					run.report().counts());
		}
		catch (ImportFailed ex) {
			log.warn("Import {} of {} refused: {}", run.id(), run.fileName(), ex.getMessage());
			run.failed(ex);
		}
		catch (RuntimeException ex) {
			log.error("Import {} of {} failed; nothing was kept", run.id(), run.fileName(), ex);
			run.failed(new ImportFailed("importer.error.unexpected",
					"The import failed and nothing was kept: " + ex.getMessage(), ex, String.valueOf(ex.getMessage())));
		}
		finally {
			permalinks.forget();
			running.set(null);
			if (deleteAfter) {
				try {
					Files.deleteIfExists(file);
				}
				catch (IOException ex) {
					log.warn("Could not delete the uploaded export {}", file);
				}
			}
		}
	}

}
