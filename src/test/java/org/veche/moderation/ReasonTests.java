package org.veche.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.veche.moderation.Reason.Kind;

/**
 * Reasons are read from and written to the text rows already stored ("key|argument|..."),
 * unchanged.
 */
class ReasonTests {

	@Test
	void everyStoredFormReadsAsItsKindAndIsWrittenBackTheSame() {
		List<String> stored = List.of("moderation.reason.links|3", "moderation.reason.word|casino",
				"moderation.reason.disallowed|viagra", "moderation.reason.premoderated",
				"moderation.reason.firstComment", "moderation.reason.raid|42", "moderation.reason.raidThread",
				"moderation.reason.surge", "moderation.reason.filter.spam|97|casino +1.20, cheap +0.80",
				"moderation.reason.filter.abuse|61|idiot +2.00", "moderation.reason.akismet",
				"moderation.reason.reports|3");
		List<Kind> kinds = stored.stream().map(Reason::parse).map(Reason::kind).toList();
		assertThat(kinds).containsExactly(Kind.LINKS, Kind.WORD, Kind.DISALLOWED, Kind.PREMODERATED, Kind.FIRST_COMMENT,
				Kind.RAID, Kind.RAID_THREAD, Kind.SURGE, Kind.FILTER_SPAM, Kind.FILTER_ABUSE, Kind.AKISMET,
				Kind.REPORTS);
		assertThat(stored.stream().map(Reason::parse).map(Reason::stored)).containsExactlyElementsOf(stored);
	}

	@Test
	void aGivenReasonIsStoredAsBeforeWithABarInAnArgumentMadeASlash() {
		assertThat(Reason.of(Kind.LINKS, 3).stored()).isEqualTo("moderation.reason.links|3");
		assertThat(Reason.of(Kind.FILTER_SPAM, 97L, "a|b").stored()).isEqualTo("moderation.reason.filter.spam|97|a/b");
		assertThat(Reason.of(Kind.PREMODERATED).stored()).isEqualTo("moderation.reason.premoderated");
		assertThat(Reason.parse("moderation.reason.raid|7")).isEqualTo(Reason.of(Kind.RAID, 7L));
		assertThat(Reason.parse("moderation.reason.word|").arguments()).containsExactly("");
	}

	@Test
	void theModeratorsSentenceIsTheMessageKeyWithTheStoredArguments() {
		Reason links = Reason.parse("moderation.reason.filter.abuse|61|idiot +2.00");
		assertThat(links.messageKey()).isEqualTo("moderation.reason.filter.abuse");
		assertThat(links.messageArguments()).containsExactly("61", "idiot +2.00");
	}

	@Test
	void aReasonOfNoKnownRuleIsKeptWholeAndShownAsStored() {
		Reason later = Reason.parse("moderation.reason.someday|1|x");
		assertThat(later.kind()).isEqualTo(Kind.UNKNOWN);
		assertThat(later.stored()).isEqualTo("moderation.reason.someday|1|x");
		assertThat(later.messageKey()).isEqualTo("moderation.reason.someday");
		assertThat(later.messageArguments()).containsExactly("1", "x");
		assertThat(Reason.parse("legacy").stored()).isEqualTo("legacy");
		assertThat(Kind.UNKNOWN.rule()).isNull();
		assertThatIllegalArgumentException().isThrownBy(() -> Reason.of(Kind.UNKNOWN, "x"));
	}

}
