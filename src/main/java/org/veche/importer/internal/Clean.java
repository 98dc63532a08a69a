package org.veche.importer.internal;

/**
 * Text from an export made fit for the site's checks before it reaches them, so that one
 * odd character in one post cannot fail the transaction of a whole import: control
 * characters, lone surrogates and noncharacters go, over-long values are cut.
 */
final class Clean {

	private Clean() {
	}

	/** One line of text (a title, a name): every control character becomes a space. */
	static String line(String value, int max) {
		String clean = strip(value, false).replaceAll("\\s+", " ").strip();
		return cut(clean, max);
	}

	/** A body: line breaks and tabs stay. */
	static String text(String value) {
		return strip(value, true);
	}

	static String cut(String value, int max) {
		if (value.length() <= max) {
			return value;
		}
		int end = max;
		if (Character.isHighSurrogate(value.charAt(end - 1))) {
			end--;
		}
		return value.substring(0, end).strip();
	}

	private static String strip(String value, boolean lineBreaks) {
		if (value == null) {
			return "";
		}
		var out = new StringBuilder(value.length());
		value.codePoints().forEach(c -> {
			boolean control = (c < 0x20 || (c >= 0x7f && c <= 0x9f))
					&& !(lineBreaks && (c == '\n' || c == '\r' || c == '\t'));
			boolean unshowable = (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE)
					|| (c & 0xfffe) == 0xfffe || (c >= 0xfdd0 && c <= 0xfdef);
			if (control) {
				out.append(' ');
			}
			else if (!unshowable) {
				out.appendCodePoint(c);
			}
		});
		return out.toString();
	}

	/** An author's website as the site accepts one, or null. */
	static String webAddress(String value) {
		String url = line(value, 500);
		if (!HtmlText.isWebLink(url)) {
			return null;
		}
		try {
			return new java.net.URI(url).getHost() == null ? null : url;
		}
		catch (java.net.URISyntaxException ex) {
			return null;
		}
	}

	static String email(String value) {
		String email = line(value, 254);
		return email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") ? email : "";
	}

}
