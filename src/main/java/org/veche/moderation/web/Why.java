package org.veche.moderation.web;

import java.util.Arrays;

import org.veche.site.Page;

/**
 * Reasons as stored ("key|argument|...") put into the moderator's language.
 */
public final class Why {

	private Why() {
	}

	public static String text(Page page, String reason) {
		String[] parts = reason.split("\\|", -1);
		return page.t(parts[0], (Object[]) Arrays.copyOfRange(parts, 1, parts.length));
	}

}
