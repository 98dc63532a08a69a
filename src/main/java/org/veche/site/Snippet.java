package org.veche.site;

import java.util.ArrayList;
import java.util.List;

/**
 * A piece of found text with the words that matched marked. The database marks them with
 * two control characters that no stored text can hold where it is shown (titles and
 * comments refuse control characters); the text is cut at them into parts, which the
 * template escapes one by one, so a snippet is never trusted as markup.
 */
public record Snippet(List<Part> parts) {

	/** Where the database begins a match. */
	public static final String START = "\u0002";

	/** Where the database ends a match. */
	public static final String STOP = "\u0003";

	public record Part(String text, boolean match) {
	}

	public static Snippet of(String marked) {
		var parts = new ArrayList<Part>();
		if (marked == null) {
			return new Snippet(List.of());
		}
		var text = new StringBuilder();
		boolean match = false;
		for (int i = 0; i < marked.length(); i++) {
			char c = marked.charAt(i);
			if (c == START.charAt(0) || c == STOP.charAt(0)) {
				if (!text.isEmpty()) {
					parts.add(new Part(text.toString(), match));
					text.setLength(0);
				}
				match = c == START.charAt(0);
			}
			else if (c >= 0x20 || c == '\n' || c == '\t') {
				text.append(c == '\n' || c == '\t' ? ' ' : c);
			}
		}
		if (!text.isEmpty()) {
			parts.add(new Part(text.toString(), match));
		}
		return new Snippet(List.copyOf(parts));
	}

}
