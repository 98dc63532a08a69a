package org.veche.backup;

import java.util.List;

/**
 * One module's part of a site backup. Sections are written and restored in bean order
 * ({@code @Order}), so a section whose rows point at another's comes after it (accounts
 * before articles, articles before comments).
 */
public interface BackupSection {

	/**
	 * The section's name in the backup file, e.g. {@code "discussion"}; stable across
	 * versions.
	 */
	String name();

	/**
	 * Every table this section writes and restores; a test checks that together they
	 * cover the schema.
	 */
	List<String> tables();

	/** Rows this section would write now, for progress. */
	long rows();

	/**
	 * Whether nothing a person made is stored here yet. A restore goes only into a site
	 * where every section says so; a section holding only what the site makes for itself
	 * (its keys) may say yes and replace them.
	 */
	default boolean isEmpty() {
		return rows() == 0;
	}

	void write(BackupWriter out);

	/**
	 * Called inside the restore's one transaction: anything thrown undoes the whole
	 * restore.
	 */
	void read(BackupReader in);

}
