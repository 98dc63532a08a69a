package org.veche.moderation;

import java.time.Duration;
import java.util.List;

/**
 * The site's rules for new comments, as the administrator sets them on the "Discussion settings" page
 * (WordPress's Settings, Discussion, with its defaults).
 * @param holdLinks hold a comment with this many links or more; 0 turns the rule off
 * @param moderationWords a comment containing any of these (in its text, name, e-mail, website) is held
 * @param disallowedWords a comment containing any of these goes to spam
 * @param holdFirstComment hold the comment of an author who has no approved comment yet
 * @param nameAndEmailRequired guests must give a name and an e-mail address
 * @param closeAfterDays close comments on articles published longer ago than this; 0 never closes
 * @param floodInterval the least time between two comments from one address or e-mail (staff exempt)
 * @param maxLength the longest comment, in characters
 * @param guestsMayComment people who are not signed in may comment
 * @param reportsToHold readers' reports that take a comment off the page until a moderator looks
 * @param filterHold the learning filter's probability above which a comment is held
 * @param filterSpam the learning filter's probability above which a comment goes to spam
 * @param raidSize hold a burst of this many near-duplicate comments from new identities on one thread as a raid;
 *        0 turns the detector off
 */
public record DiscussionRules(int holdLinks, List<String> moderationWords, List<String> disallowedWords,
		boolean holdFirstComment, boolean nameAndEmailRequired, int closeAfterDays, Duration floodInterval,
		int maxLength, boolean guestsMayComment, int reportsToHold, double filterHold, double filterSpam,
		int raidSize) {

	public DiscussionRules {
		moderationWords = List.copyOf(moderationWords);
		disallowedWords = List.copyOf(disallowedWords);
	}

}
