package org.veche.moderation.transparency;

import java.time.YearMonth;
import java.util.Map;

/**
 * One month of moderation in counts only.
 *
 * @param held comments held or sent to spam by the site's rules, by rule (a comment held
 * for two reasons counts under both)
 * @param reported readers' reports by their reason
 * @param decisions moderators' decisions by kind: approve, not-spam, spam, trash, abusive
 * @param appealsFiled appeals authors sent this month
 * @param appealsUpheld appeals answered this month with the decision kept
 * @param appealsReversed appeals answered this month with the comment published
 * @param ended whether the month is over (its counts no longer change, but for erasures)
 * @param anchorSeq the audit chain's last line before the month ended (0 while the month
 * runs)
 * @param anchorHash that line's SHA-256, or null
 */
public record MonthlyReport(YearMonth month, boolean ended, Map<String, Integer> held, Map<String, Integer> reported,
		Map<String, Integer> decisions, int appealsFiled, int appealsUpheld, int appealsReversed, long anchorSeq,
		String anchorHash) {

	public int heldTotal() {
		return held.values().stream().mapToInt(Integer::intValue).sum();
	}

	public int reportedTotal() {
		return reported.values().stream().mapToInt(Integer::intValue).sum();
	}

	public int decisionsTotal() {
		return decisions.values().stream().mapToInt(Integer::intValue).sum();
	}

	public int decided(String kind) {
		return decisions.getOrDefault(kind, 0);
	}

}
