package org.veche.moderation.web;

import java.util.List;

import org.veche.moderation.Reason;
import org.veche.site.Page;

/**
 * Reasons put into the moderator's language.
 */
public final class Why {

	private Why() {
	}

	/** The raid cluster a comment was held in, or null. */
	public static Long cluster(List<Reason> reasons) {
		for (Reason reason : reasons) {
			if (reason.kind() == Reason.Kind.RAID && !reason.arguments().isEmpty()) {
				return Long.valueOf(reason.arguments().getFirst());
			}
		}
		return null;
	}

	public static String text(Page page, Reason reason) {
		return page.t(reason.messageKey(), reason.messageArguments());
	}

}
