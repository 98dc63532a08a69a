package org.veche.moderation.appeal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Why a comment was held, said to its author: the screen's reasons ("moderation.reason.links|3") become messages
 * under {@code appeal.reason.*} that name the rule and never its workings (no moderation word, no filter score, no
 * raid cluster, no number of reporters). A reason this table does not know is said as "the site's checks".
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

	static List<Said> of(List<String> reasons) {
		var said = new LinkedHashMap<String, Said>();
		for (String reason : reasons) {
			String[] parts = reason.split("\\|", -1);
			String key = parts[0].startsWith("moderation.reason.") ? parts[0].substring("moderation.reason.".length()) : "";
			Said one = switch (key) {
				case "links" -> new Said("appeal.reason.links", parts.length > 1 ? List.of(number(parts[1])) : List.of(2));
				case "word" -> new Said("appeal.reason.word", List.of());
				case "disallowed" -> new Said("appeal.reason.disallowed", List.of());
				case "premoderated" -> new Said("appeal.reason.premoderated", List.of());
				case "firstComment" -> new Said("appeal.reason.firstComment", List.of());
				case "raid", "raidThread" -> new Said("appeal.reason.raid", List.of());
				case "surge" -> new Said("appeal.reason.surge", List.of());
				case "filter.spam", "akismet" -> new Said("appeal.reason.spamLike", List.of());
				case "filter.abuse" -> new Said("appeal.reason.abuseLike", List.of());
				case "reports" -> new Said("appeal.reason.reports", List.of());
				default -> new Said("appeal.reason.other", List.of());
			};
			said.putIfAbsent(one.key(), one);
		}
		return new ArrayList<>(said.values());
	}

	/** What the log's decision says to the author, for the decisions that take a comment down. */
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
