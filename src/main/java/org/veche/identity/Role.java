package org.veche.identity;

/**
 * What a person may do on the site. Each role includes the ones below it on its own line
 * of work: an administrator can do everything, an editor everything an author can.
 */
public enum Role {

	READER, AUTHOR, EDITOR, MODERATOR, ADMINISTRATOR;

	public String authority() {
		return "ROLE_" + name();
	}

	/** The hierarchy in Spring Security's notation. */
	public static String hierarchy() {
		return """
				ROLE_ADMINISTRATOR > ROLE_EDITOR
				ROLE_ADMINISTRATOR > ROLE_MODERATOR
				ROLE_EDITOR > ROLE_AUTHOR
				ROLE_AUTHOR > ROLE_READER
				ROLE_MODERATOR > ROLE_READER
				""";
	}

	/**
	 * Writes articles in the editor: authors their own drafts, editors and administrators
	 * anything.
	 */
	public boolean writes() {
		return this == AUTHOR || this == EDITOR || this == ADMINISTRATOR;
	}

	/**
	 * Publishes and schedules anyone's articles; an author's work waits for one of these.
	 */
	public boolean publishes() {
		return this == EDITOR || this == ADMINISTRATOR;
	}

	/** Staff write or moderate: they are exempt from the flood limit. */
	public boolean isStaff() {
		return this == EDITOR || this == MODERATOR || this == ADMINISTRATOR;
	}

}
