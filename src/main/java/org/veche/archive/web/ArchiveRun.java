package org.veche.archive.web;

import java.nio.file.Path;
import java.util.List;

import org.veche.archive.ArchiveReport;
import org.veche.archive.Progress;

/**
 * One export, backup or restore started from the admin page, as its page shows it.
 *
 * @param id an unguessable name, so that a restore's status can be watched after its
 * session ended
 * @param file the export being written, or null for a restore
 */
public record ArchiveRun(String id, Kind kind, Progress progress, State state, List<String> report, String error,
		Path file) {

	public enum Kind {

		WXR, BACKUP, RESTORE

	}

	public enum State {

		RUNNING, DONE, FAILED

	}

	ArchiveRun finished(ArchiveReport result) {
		return new ArchiveRun(id, kind, progress, State.DONE, result.lines(), null, file);
	}

	ArchiveRun failed(String message) {
		return new ArchiveRun(id, kind, progress, State.FAILED, List.of(), message, file);
	}

	public boolean running() {
		return state == State.RUNNING;
	}

	public String fileName() {
		return file == null ? "" : file.getFileName().toString();
	}

}
