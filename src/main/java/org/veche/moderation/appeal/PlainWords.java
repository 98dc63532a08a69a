package org.veche.moderation.appeal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.veche.moderation.Reason;

/**
 * Why a comment was held, said to its author: the screen's reasons (links: 3) become
 * messages under {@code appeal.reason.*} that name the rule and never its workings (no
 * moderation word, no filter score, no raid cluster, no number of reporters). A reason
 * this table does not know is said as "the site's checks".
 */
public final class PlainWords {

	/** A message for the author: its key and arguments. */
	public record Said(String key, List<Object> arguments) {

		public Object[] args() {
			return arguments.toArray();
		}

	}

	private PlainWords() {
	}

	static List<Said> of(List<Reason> reasons) {
		var said = new LinkedHashMap<String, Said>();
		for (Reason reason : reasons) {
			List<String> arguments = reason.arguments();
			Said one = switch (reason.kind()) {
				case LINKS -> new Said("appeal.reason.links",
						arguments.isEmpty() ? List.of(2) : List.of(number(arguments.getFirst())));
				case WORD -> new Said("appeal.reason.word", List.of());
				case DISALLOWED -> new Said("appeal.reason.disallowed", List.of());
				case PREMODERATED -> new Said("appeal.reason.premoderated", List.of());
				case FIRST_COMMENT -> new Said("appeal.reason.firstComment", List.of());
				case RAID, RAID_THREAD -> new Said("appeal.reason.raid", List.of());
				case SURGE -> new Said("appeal.reason.surge", List.of());
				case FILTER_SPAM, AKISMET -> new Said("appeal.reason.spamLike", List.of());
				case FILTER_ABUSE -> new Said("appeal.reason.abuseLike", List.of());
				case REPORTS -> new Said("appeal.reason.reports", List.of());
				case UNKNOWN -> new Said("appeal.reason.other", List.of());
			};
			said.putIfAbsent(one.key(), one);
		}
		return new ArrayList<>(said.values());
	}

	/**
	 * What the log's decision says to the author, for the decisions that take a comment
	 * down.
	 */
	static final Map<String, String> REMOVALS = Map.of("spam", "appeal.removed.spam", "trash", "appeal.removed.trash",
			"abusive", "appeal.removed.abusive");

	private static Object number(String value) {
		try {
			return Integer.valueOf(value.strip());
		}
		catch (NumberFormatException ex) {
			return 2;
		}
	}

}
