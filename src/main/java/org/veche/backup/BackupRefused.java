package org.veche.backup;

/**
 * A backup that cannot be made or restored, with a message for the person who asked (an
 * administrator or the command line), never a stack trace.
 */
public class BackupRefused extends RuntimeException {

	public BackupRefused(String message) {
		super(message);
	}

	public BackupRefused(String message, Throwable cause) {
		super(message, cause);
	}

}
