package org.veche.backup;

import java.util.List;

/**
 * A table as a {@link TableSection} copies it.
 *
 * @param orderBy the columns rows are written in, so that a row comes after the rows it
 * points at
 * @param identity the generated id column whose sequence must continue past the restored
 * ids, or null
 */
public record BackupTable(String name, List<String> orderBy, String identity) {

	/** A table with a generated {@code id}, written in id order. */
	public static BackupTable withId(String name) {
		return new BackupTable(name, List.of("id"), "id");
	}

	public static BackupTable keyedBy(String name, String... orderBy) {
		return new BackupTable(name, List.of(orderBy), null);
	}

}
