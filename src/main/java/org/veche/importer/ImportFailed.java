package org.veche.importer;

/**
 * An export the site refuses as a whole (broken or hostile XML, not an export at all);
 * nothing of it was kept.
 *
 * @see #messageKey() the reason, for the admin page in the reader's language
 */
public class ImportFailed extends RuntimeException {

	private final String messageKey;

	private final transient Object[] arguments;

	public ImportFailed(String messageKey, String englishMessage, Object... arguments) {
		super(englishMessage);
		this.messageKey = messageKey;
		this.arguments = arguments;
	}

	public ImportFailed(String messageKey, String englishMessage, Throwable cause, Object... arguments) {
		super(englishMessage, cause);
		this.messageKey = messageKey;
		this.arguments = arguments;
	}

	public String messageKey() {
		return messageKey;
	}

	public Object[] arguments() {
		return arguments;
	}

}
