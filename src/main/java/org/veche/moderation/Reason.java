package org.veche.moderation;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Why a comment was held or sent to spam: the rule that did it and what it found (a word,
 * how many links, a raid's cluster, a filter's score). Kept as text, "key|argument|...",
 * the rule's message key then each argument after a '|' ({@link #stored()} writes it,
 * {@link #parse} reads it, nothing else does); the moderator's sentence is that message
 * with those arguments.
 *
 * @param arguments as stored (a '|' in one becomes '/'); for {@link Kind#UNKNOWN} the
 * whole stored text
 */
public record Reason(Kind kind, List<String> arguments) {

	private static final String PREFIX = "moderation.reason.";

	/**
	 * The rules that hold a comment or send it to spam, by the name the monthly report
	 * counts them under.
	 */
	public enum Kind {

		LINKS("links"), WORD("word"), DISALLOWED("disallowed"), PREMODERATED("premoderated"),
		FIRST_COMMENT("firstComment"), RAID("raid"), RAID_THREAD("raidThread"), SURGE("surge"),
		FILTER_SPAM("filter.spam"), FILTER_ABUSE("filter.abuse"), AKISMET("akismet"), REPORTS("reports"),

		/**
		 * A reason this version does not know (of a later version, say): kept and shown
		 * as it was stored.
		 */
		UNKNOWN(null);

		private final String rule;

		Kind(String rule) {
			this.rule = rule;
		}

		/**
		 * Its name in the monthly report ("links", "filter.spam"); null for
		 * {@link #UNKNOWN}.
		 */
		public String rule() {
			return rule;
		}

		/** The kind a stored message key names, {@link #UNKNOWN} for any other text. */
		public static Kind ofKey(String key) {
			if (key.startsWith(PREFIX)) {
				String rule = key.substring(PREFIX.length());
				for (Kind kind : values()) {
					if (rule.equals(kind.rule)) {
						return kind;
					}
				}
			}
			return UNKNOWN;
		}

	}

	public Reason {
		arguments = kind == Kind.UNKNOWN ? List.copyOf(arguments)
				: arguments.stream().map(a -> a.replace('|', '/')).toList();
	}

	/** A reason with its arguments as text ('|' in one becomes '/', as it is stored). */
	public static Reason of(Kind kind, Object... arguments) {
		if (kind == Kind.UNKNOWN) {
			throw new IllegalArgumentException("an unknown reason is only read, never given");
		}
		return new Reason(kind, Arrays.stream(arguments).map(String::valueOf).toList());
	}

	/**
	 * The reason a stored text says; text of no known rule is kept whole as
	 * {@link Kind#UNKNOWN}.
	 */
	public static Reason parse(String stored) {
		String[] parts = stored.split("\\|", -1);
		Kind kind = Kind.ofKey(parts[0]);
		return kind == Kind.UNKNOWN ? new Reason(kind, List.of(stored))
				: new Reason(kind, List.of(Arrays.copyOfRange(parts, 1, parts.length)));
	}

	/** As stored: the message key, then each argument after a '|'. */
	public String stored() {
		if (kind == Kind.UNKNOWN) {
			return arguments.getFirst();
		}
		return PREFIX + kind.rule + arguments.stream().map(a -> "|" + a).collect(Collectors.joining());
	}

	/** The key of the moderator's sentence: the stored text up to its first '|'. */
	public String messageKey() {
		return kind == Kind.UNKNOWN ? stored().split("\\|", -1)[0] : PREFIX + kind.rule;
	}

	/**
	 * The arguments of the moderator's sentence, as text (a number is shown as it was
	 * stored).
	 */
	public Object[] messageArguments() {
		if (kind == Kind.UNKNOWN) {
			String[] parts = stored().split("\\|", -1);
			return Arrays.copyOfRange(parts, 1, parts.length);
		}
		return arguments.toArray();
	}

	@Override
	public String toString() {
		return stored();
	}

}
