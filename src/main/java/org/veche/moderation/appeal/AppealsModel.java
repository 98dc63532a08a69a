package org.veche.moderation.appeal;

import java.util.List;

/**
 * A page of the appeals queue: open or answered appeals, each with its comment.
 *
 * @param notice what was just done (a message key), or null
 * @param error why the answer was refused (a message key), or null
 */
public record AppealsModel(boolean open, List<AppealDesk.Case> cases, int openCount, int answeredCount, int pageNumber,
		int pages, String notice, String error) {
}
