package org.veche.archive.internal;

import java.util.regex.Pattern;

import org.veche.backup.BackupRefused;

/**
 * The names a backup may hold: plain relative paths of simple segments, so that no entry
 * can climb out of the folder it is restored into (zip slip), name a device or hide
 * behind Unicode look-alikes.
 */
public final class BackupNames {

	public static final String JSON = "backup.json";

	public static final String FILES = "files/";

	private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}");

	private BackupNames() {
	}

	/** The relative name, or a refusal that says which entry is wrong. */
	public static String checked(String name) {
		if (name == null || name.isEmpty() || name.length() > 1024) {
			throw new BackupRefused("The backup holds an entry with an empty or overlong name");
		}
		for (String segment : name.split("/", -1)) {
			if (!SEGMENT.matcher(segment).matches() || segment.equals("..")) {
				throw new BackupRefused("The backup holds an entry named \"" + printable(name)
						+ "\", which is not a plain relative path: refused");
			}
		}
		return name;
	}

	public static String fileEntry(String section, String name) {
		return FILES + checked(section) + "/" + checked(name);
	}

	static String printable(String name) {
		String shown = name.length() > 100 ? name.substring(0, 100) + "…" : name;
		return shown.replaceAll("\\p{Cntrl}", "?");
	}

}
