package org.veche.moderation.web;

import java.time.Duration;

import org.veche.moderation.DiscussionRules;
import org.veche.moderation.internal.RuleSettings;
import org.veche.site.RejectedInput;

/**
 * The discussion settings form as posted: strings and checkboxes, turned into rules only
 * when every field reads. A checkbox left unticked is not posted at all, so each one
 * arrives as null or "on".
 */
public record SettingsForm(String holdLinks, String moderationWords, String disallowedWords, String holdFirstComment,
		String nameAndEmailRequired, String closeOld, String closeAfterDays, String floodSeconds, String maxLength,
		String guestsMayComment, String reportsToHold, String filterHold, String filterSpam, String raidSize,
		String editMinutes) {

	/** WordPress's suggestion in the days field while the rule is off. */
	static final int DEFAULT_CLOSE_DAYS = 14;

	static SettingsForm of(DiscussionRules r) {
		return new SettingsForm(String.valueOf(r.holdLinks()), String.join("\n", r.moderationWords()),
				String.join("\n", r.disallowedWords()), on(r.holdFirstComment()), on(r.nameAndEmailRequired()),
				on(r.closeAfterDays() > 0),
				String.valueOf(r.closeAfterDays() > 0 ? r.closeAfterDays() : DEFAULT_CLOSE_DAYS),
				String.valueOf(r.floodInterval().toSeconds()), String.valueOf(r.maxLength()), on(r.guestsMayComment()),
				String.valueOf(r.reportsToHold()), String.valueOf(r.filterHold()), String.valueOf(r.filterSpam()),
				String.valueOf(r.raidSize()), String.valueOf(r.editWindow().toMinutes()));
	}

	private static String on(boolean value) {
		return value ? "on" : null;
	}

	public boolean ticked(String value) {
		return value != null && !value.isBlank();
	}

	/** The rules, or a RejectedInput naming the first field that does not read. */
	DiscussionRules toRules(int longestAllowed) {
		int links = number(holdLinks, 0, 100, "moderation.settings.holdLinks.invalid");
		int days = ticked(closeOld) ? number(closeAfterDays, 1, 36500, "moderation.settings.closeAfterDays.invalid")
				: 0;
		int flood = number(floodSeconds, 0, 3600, "moderation.settings.flood.invalid");
		int length = number(maxLength, 1, longestAllowed, "moderation.settings.maxLength.invalid", longestAllowed);
		int reports = number(reportsToHold, 1, 1000, "moderation.settings.reports.invalid");
		int raid = number(raidSize, 0, 1000, "moderation.settings.raid.invalid");
		// a form from before the setting existed leaves it out: the default, not a
		// refusal
		int edit = editMinutes == null ? (int) DiscussionRules.DEFAULT_EDIT_WINDOW.toMinutes()
				: number(editMinutes, 0, 1440, "moderation.settings.editMinutes.invalid");
		double hold = probability(filterHold);
		double spam = probability(filterSpam);
		if (hold > spam) {
			throw new RejectedInput(org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT,
					"moderation.settings.filter.order");
		}
		return new DiscussionRules(links, RuleSettings.lines(text(moderationWords)),
				RuleSettings.lines(text(disallowedWords)), ticked(holdFirstComment), ticked(nameAndEmailRequired), days,
				Duration.ofSeconds(flood), length, ticked(guestsMayComment), reports, hold, spam, raid,
				Duration.ofMinutes(edit));
	}

	private static String text(String value) {
		return value == null ? "" : value;
	}

	private static int number(String value, int min, int max, String key, Object... args) {
		try {
			int n = Integer.parseInt(text(value).strip());
			if (n >= min && n <= max) {
				return n;
			}
		}
		catch (NumberFormatException ex) {
			// refused below
		}
		throw new RejectedInput(org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT, key, args);
	}

	private static double probability(String value) {
		try {
			double p = Double.parseDouble(text(value).strip());
			if (p >= 0 && p <= 1) {
				return p;
			}
		}
		catch (NumberFormatException ex) {
			// refused below
		}
		throw new RejectedInput(org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT,
				"moderation.settings.filter.invalid");
	}

}
