package org.veche.backup;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where a section writes its part of a backup: rows of its tables, then files that belong
 * to them.
 */
public interface BackupWriter {

	/**
	 * Writes every row of a table, each as column name to value (Long, String, Boolean,
	 * Double, byte[] or null). The stream is consumed and closed here, so a cursor over
	 * the table never sits in memory as a whole.
	 */
	void table(String table, Stream<Map<String, Object>> rows);

	/**
	 * Adds a file under this section's own name (a relative path with forward slashes).
	 */
	void file(String name, Path source);

}
