package org.veche.backup;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What a section reads back from a backup, in the order it wrote it.
 */
public interface BackupReader {

	/**
	 * Hands over each row of the table as the backup holds it (column name to Long,
	 * String, Boolean, Double, byte[] or null); a backup made before the table existed
	 * has none.
	 */
	void rows(String table, Consumer<Map<String, Object>> row);

	/**
	 * Writes this section's files: the first segment of each name picks its folder (e.g.
	 * {@code media/...} into the media folder); a name with another first segment, or one
	 * that would leave its folder, is refused, and the files are removed again if the
	 * restore fails.
	 */
	void files(Map<String, Path> folders);

}
