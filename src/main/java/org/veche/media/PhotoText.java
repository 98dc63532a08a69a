package org.veche.media;

import java.util.regex.Pattern;

/**
 * The words that go with a photo: its caption, its credit, and its alt text for readers
 * who cannot see it.
 */
public record PhotoText(String caption, String credit, String alt) {

	private static final Pattern CREDIT_LABEL = Pattern
		.compile("^(?iu)(?:(?:photos?|photograph(?:s|y)?|pictures?|image|фото(?:графия|графія|графии|графії)?|світлина"
				+ "|снимок|знімок)(?:\\s*[:—–-]\\s*|\\s+by\\s+))+");

	/**
	 * The credit as it goes after "Photo:" on the page: credits typed or imported as
	 * "Photo: Name" (or "Фото: …", "Photograph by …") lose their own label, so the page
	 * never says "Photo: Photo: Name".
	 */
	public String creditName() {
		return CREDIT_LABEL.matcher(credit == null ? "" : credit.strip()).replaceFirst("").strip();
	}

}
