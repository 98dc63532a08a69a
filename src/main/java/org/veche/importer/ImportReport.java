package org.veche.importer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an import brought in, what it left out and why, and what it kept only as a link.
 * Every line is a message key with its arguments, so the admin page shows it in the
 * reader's language and the command line in English. Written by the import, read by the
 * status page while it runs.
 */
public final class ImportReport {

	/**
	 * Past this many, further lines of one list are only counted: a report stays readable
	 * and small.
	 */
	static final int MAX_LINES = 500;

	public record Line(String key, List<String> args) {
	}

	private final Map<String, Integer> counts = new LinkedHashMap<>();

	private final List<Line> skipped = new ArrayList<>();

	private final List<Line> links = new ArrayList<>();

	private int skippedBeyond;

	private int linksBeyond;

	/** One more of something that came in, e.g. "importer.count.articles". */
	public synchronized void count(String key) {
		counts.merge(key, 1, Integer::sum);
	}

	public synchronized void skip(String key, Object... args) {
		if (skipped.size() < MAX_LINES) {
			skipped.add(line(key, args));
		}
		else {
			skippedBeyond++;
		}
	}

	/**
	 * Something that could not be brought in and is kept as a link to where it was (an
	 * image, a thread).
	 */
	public synchronized void keptAsLink(String key, Object... args) {
		if (links.size() < MAX_LINES) {
			links.add(line(key, args));
		}
		else {
			linksBeyond++;
		}
	}

	public synchronized void count(String key, int more) {
		counts.merge(key, more, Integer::sum);
	}

	/** How many of something came in (0 for none). */
	public synchronized int counted(String key) {
		return counts.getOrDefault(key, 0);
	}

	public synchronized Map<String, Integer> counts() {
		return new LinkedHashMap<>(counts);
	}

	public synchronized List<Line> skipped() {
		return List.copyOf(skipped);
	}

	public synchronized List<Line> links() {
		return List.copyOf(links);
	}

	public synchronized int skippedBeyond() {
		return skippedBeyond;
	}

	public synchronized int linksBeyond() {
		return linksBeyond;
	}

	/** Forgets what a failed import had counted: nothing of it stayed. */
	synchronized void clear() {
		counts.clear();
		skipped.clear();
		links.clear();
		skippedBeyond = 0;
		linksBeyond = 0;
	}

	private static Line line(String key, Object... args) {
		var strings = new ArrayList<String>(args.length);
		for (Object arg : args) {
			strings.add(String.valueOf(arg));
		}
		return new Line(key, List.copyOf(strings));
	}

}
