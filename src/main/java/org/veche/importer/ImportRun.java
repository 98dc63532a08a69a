package org.veche.importer;

import java.time.Instant;

/**
 * One import, running or done: what file, how far it is, and its report; a failure says
 * why and that the site was left as it was.
 */
public final class ImportRun {

	private final long id;

	private final ExportFormat format;

	private final String fileName;

	private final Instant startedAt;

	private final ImportProgress progress;

	private final ImportReport report = new ImportReport();

	private volatile ImportFailed failure;

	ImportRun(long id, ExportFormat format, String fileName, Instant startedAt, ImportProgress progress) {
		this.id = id;
		this.format = format;
		this.fileName = fileName;
		this.startedAt = startedAt;
		this.progress = progress;
	}

	public long id() {
		return id;
	}

	public ExportFormat format() {
		return format;
	}

	public String fileName() {
		return fileName;
	}

	public Instant startedAt() {
		return startedAt;
	}

	public ImportProgress progress() {
		return progress;
	}

	public ImportReport report() {
		return report;
	}

	/** Why the import stopped, or null while it runs or when it succeeded. */
	public ImportFailed failure() {
		return failure;
	}

	public boolean succeeded() {
		return progress.phase() == ImportProgress.Phase.DONE;
	}

	void failed(ImportFailed why) {
		this.failure = why;
		report.clear();
		progress.end(false);
	}

}
