package org.veche.moderation.web;

import java.time.Duration;

import org.springframework.http.HttpStatus;
import org.veche.moderation.SurgeRules;
import org.veche.site.RejectedInput;

/**
 * Surge mode's settings form as posted (its own form beside the raid settings), turned
 * into rules only when every field reads.
 */
public record SurgeForm(String surgeSize, String surgeThreads, String surgeSiteWide, String surgeQuietMinutes) {

	static SurgeForm of(SurgeRules rules) {
		// a quiet period under a minute (tests set one) shows as one minute: the form
		// speaks in whole minutes
		return new SurgeForm(String.valueOf(rules.size()), String.valueOf(rules.threads()),
				String.valueOf(rules.siteWideThreads()), String.valueOf(Math.max(1, rules.quiet().toMinutes())));
	}

	SurgeRules toRules() {
		int size = number(surgeSize, 0, 1000, "moderation.settings.surgeSize.invalid");
		int threads = number(surgeThreads, 2, 1000, "moderation.settings.surgeThreads.invalid");
		int siteWide = number(surgeSiteWide, threads, 100000, "moderation.settings.surgeSiteWide.invalid");
		int quiet = number(surgeQuietMinutes, 1, 10080, "moderation.settings.surgeQuiet.invalid");
		return new SurgeRules(size, threads, siteWide, Duration.ofMinutes(quiet));
	}

	private static int number(String value, int min, int max, String key) {
		try {
			int n = Integer.parseInt(value == null ? "" : value.strip());
			if (n >= min && n <= max) {
				return n;
			}
		}
		catch (NumberFormatException ex) {
			// refused below
		}
		throw new RejectedInput(HttpStatus.UNPROCESSABLE_CONTENT, key);
	}

}
