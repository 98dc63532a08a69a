package org.veche.moderation.web;

import java.util.Arrays;

import org.veche.site.Page;

/**
 * Reasons as stored ("key|argument|...") put into the moderator's language.
 */
public final class Why {

	private Why() {
	}

	/** The raid cluster a comment was held in, or null. */
	public static Long cluster(java.util.List<String> reasons) {
		for (String reason : reasons) {
			if (reason.startsWith("moderation.reason.raid|")) {
				return Long.valueOf(reason.substring("moderation.reason.raid|".length()));
			}
		}
		return null;
	}

	public static String text(Page page, String reason) {
		String[] parts = reason.split("\\|", -1);
		return page.t(parts[0], (Object[]) Arrays.copyOfRange(parts, 1, parts.length));
	}

}
