package org.veche.archive;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a run did: rows per table (or items per kind), files and bytes, and what it left
 * out and why.
 */
public record ArchiveReport(String what, Map<String, Long> counts, long files, long bytes, List<String> skipped,
		Duration took) {

	public long total() {
		return counts.values().stream().mapToLong(Long::longValue).sum();
	}

	public List<String> lines() {
		var lines = new ArrayList<String>();
		lines.add(what + ": " + total() + " rows/items, " + files + " files, " + bytes + " bytes in " + took.toMillis()
				+ " ms");
		counts.forEach((name, n) -> lines.add("  " + name + ": " + n));
		skipped.forEach(reason -> lines.add("  skipped: " + reason));
		return lines;
	}

}
