package org.veche.backup;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What a section reads back from a backup, in the order it wrote it.
 */
public interface BackupReader {

	/**
	 * Hands over each row of the table as the backup holds it (column name to Long, String, Boolean, Double or
	 * null); a backup made before the table existed has none.
	 */
	void rows(String table, Consumer<Map<String, Object>> row);

	/**
	 * Writes this section's files under the folder, refusing any name that would leave it; the files are removed
	 * again if the restore fails.
	 */
	void files(Path root);

}
