package org.veche.moderation.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.StringReader;

import org.junit.jupiter.api.Test;
import org.veche.site.RejectedInput;

class LabelledCsvTests {

	private static void refused(String csv, String key, Object... args) {
		assertThatThrownBy(() -> LabelledCsv.read(new StringReader(csv))).isInstanceOfSatisfying(RejectedInput.class,
				r -> {
					assertThat(r.messageKey()).isEqualTo(key);
					assertThat(r.arguments()).containsExactly(args);
				});
	}

	@Test
	void readsTextLabelAndTheOptionalColumnsInAnyOrderAndCase() {
		var examples = LabelledCsv.read(new StringReader("""
				\uFEFFLabel,URL,Text,author,email
				1,http://spam.example,"Buy ""now""
				two lines",Spammer,s@example.org
				0,,fine comment,,
				"""));
		assertThat(examples).hasSize(2);
		assertThat(examples.get(0).bad()).isTrue();
		assertThat(examples.get(0).input()).isEqualTo(new FilterInput("Buy \"now\"\ntwo lines", "Spammer",
				"s@example.org", "http://spam.example", false, false));
		assertThat(examples.get(1).input()).isEqualTo(FilterInput.ofText("fine comment"));
	}

	@Test
	void saysWhatIsWrongAndWhere() {
		refused("", "filter.csv.empty");
		refused("comment,class\nhello,1\n", "filter.csv.columns");
		refused("text,label,text\na,1,b\n", "filter.csv.columns");
		refused("text,label\n", "filter.csv.noRows");
		refused("text,label\nfine,0\nspam,1\nodd,spam\n", "filter.csv.label", 4L, "spam");
		refused("text,label\nfine,0\n\"multi\nline\",1\nodd,2\n", "filter.csv.label", 5L, "2");
		refused("text,label\nfine,0\n,1\n", "filter.csv.text", 3L);
		refused("text,label\nfine,0\nlonely\n", "filter.csv.short", 3L);
		refused("text,label\nfine,0\n\"never closed,1\n", "filter.csv.malformed", 3L);
		refused("text,label\na,0\nb,0\n", "filter.csv.oneClass");
	}

	@Test
	void refusesAFileThatIsNotUtf8() {
		byte[] latin1 = "text,label\ncaf\u00e9,0\nspam,1\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
		assertThatThrownBy(() -> LabelledCsv.read(LabelledCsv.utf8(new ByteArrayInputStream(latin1))))
			.isInstanceOfSatisfying(RejectedInput.class,
					r -> assertThat(r.messageKey()).isEqualTo("filter.csv.encoding"));
	}

}
