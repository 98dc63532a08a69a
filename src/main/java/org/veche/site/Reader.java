package org.veche.site;

/**
 * The signed-in person as the shell shows them; the identity module's principal
 * implements this so that the layout can greet a reader without knowing how they signed
 * in.
 */
public interface Reader {

	long accountId();

	String displayName();

	boolean isStaff();

	/** Writes in the editor (authors, editors, administrators). */
	default boolean writes() {
		return isStaff();
	}

	/** Works the moderation queue (moderators and administrators). */
	default boolean moderates() {
		return false;
	}

	/** Manages users and settings. */
	default boolean isAdministrator() {
		return false;
	}

}
