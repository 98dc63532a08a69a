package org.veche.moderation;

import java.time.Duration;
import java.util.List;

/**
 * The site's rules for new comments, as the administrator sets them on the "Discussion
 * settings" page (WordPress's Settings, Discussion, with its defaults).
 *
 * @param holdLinks hold a comment with this many links or more; 0 turns the rule off
 * @param moderationWords a comment containing any of these (in its text, name, e-mail,
 * website) is held
 * @param disallowedWords a comment containing any of these goes to spam
 * @param holdFirstComment hold the comment of an author who has no approved comment yet
 * @param nameAndEmailRequired guests must give a name and an e-mail address
 * @param closeAfterDays close comments on articles published longer ago than this; 0
 * never closes
 * @param floodInterval the least time between two comments from one address or e-mail
 * (staff exempt)
 * @param maxLength the longest comment, in characters
 * @param guestsMayComment people who are not signed in may comment
 * @param reportsToHold readers' reports that take a comment off the page until a
 * moderator looks
 * @param filterHold the learning filter's probability above which a comment is held
 * @param filterSpam the learning filter's probability above which a comment goes to spam
 * @param raidSize hold a burst of this many near-duplicate comments from new identities
 * on one thread as a raid; 0 turns the detector off
 * @param editWindow how long after posting its author may still edit or delete a comment;
 * zero turns it off
 */
public record DiscussionRules(int holdLinks, List<String> moderationWords, List<String> disallowedWords,
		boolean holdFirstComment, boolean nameAndEmailRequired, int closeAfterDays, Duration floodInterval,
		int maxLength, boolean guestsMayComment, int reportsToHold, double filterHold, double filterSpam, int raidSize,
		Duration editWindow) {

	/**
	 * The edit window most sites want: long enough to fix a typo, too short to rewrite a
	 * discussion.
	 */
	public static final Duration DEFAULT_EDIT_WINDOW = Duration.ofMinutes(10);

	public DiscussionRules {
		moderationWords = List.copyOf(moderationWords);
		disallowedWords = List.copyOf(disallowedWords);
	}

	/** The rules with the default edit window. */
	public DiscussionRules(int holdLinks, List<String> moderationWords, List<String> disallowedWords,
			boolean holdFirstComment, boolean nameAndEmailRequired, int closeAfterDays, Duration floodInterval,
			int maxLength, boolean guestsMayComment, int reportsToHold, double filterHold, double filterSpam,
			int raidSize) {
		this(holdLinks, moderationWords, disallowedWords, holdFirstComment, nameAndEmailRequired, closeAfterDays,
				floodInterval, maxLength, guestsMayComment, reportsToHold, filterHold, filterSpam, raidSize,
				DEFAULT_EDIT_WINDOW);
	}

}
