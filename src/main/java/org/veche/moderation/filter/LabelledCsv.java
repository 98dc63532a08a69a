package org.veche.moderation.filter;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.veche.site.RejectedInput;

/**
 * Reads a labelled training file: CSV with a header row naming {@code text} and
 * {@code label} (1 = spam or abusive, 0 = fine) and optionally {@code author},
 * {@code email}, {@code url}, in any order and case. Anything wrong is a
 * {@link RejectedInput} naming the line, so the admin page and the command line can say
 * what.
 */
final class LabelledCsv {

	/** Past this many rows a file is refused: training holds them all in memory. */
	static final int MAX_ROWS = 500_000;

	private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
		.setHeader()
		.setSkipHeaderRecord(true)
		.setIgnoreHeaderCase(true)
		.setAllowMissingColumnNames(true)
		.setIgnoreEmptyLines(true)
		.setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_EMPTY)
		.get();

	private LabelledCsv() {
	}

	/**
	 * A strict UTF-8 reader: a file in another encoding is refused, not read as mojibake.
	 */
	static Reader utf8(InputStream in) {
		return new InputStreamReader(in,
				StandardCharsets.UTF_8.newDecoder()
					.onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT));
	}

	static List<Example> read(Reader source) {
		var examples = new ArrayList<Example>();
		long line = 1;
		try (CSVParser parser = FORMAT.parse(withoutBom(source))) {
			var header = parser.getHeaderMap();
			if (header == null || header.isEmpty()) {
				throw new RejectedInput("filter.csv.empty");
			}
			if (!header.containsKey("text") || !header.containsKey("label")) {
				throw new RejectedInput("filter.csv.columns");
			}
			line = parser.getCurrentLineNumber() + 1;
			for (CSVRecord row : parser) {
				if (examples.size() >= MAX_ROWS) {
					throw new RejectedInput("filter.csv.tooMany", MAX_ROWS);
				}
				examples.add(example(row, line));
				line = parser.getCurrentLineNumber() + 1;
			}
		}
		catch (IllegalArgumentException ex) {
			// Commons CSV's word for a header naming one column twice
			throw new RejectedInput("filter.csv.columns");
		}
		catch (UncheckedIOException | IllegalStateException ex) {
			throw malformed(ex, line);
		}
		catch (IOException ex) {
			throw malformed(ex, line);
		}
		if (examples.isEmpty()) {
			throw new RejectedInput("filter.csv.noRows");
		}
		long bad = examples.stream().filter(Example::bad).count();
		if (bad == 0 || bad == examples.size()) {
			throw new RejectedInput("filter.csv.oneClass");
		}
		return examples;
	}

	private static Example example(CSVRecord row, long line) {
		if (!row.isSet("text") || !row.isSet("label")) {
			throw new RejectedInput("filter.csv.short", line);
		}
		String text = row.get("text");
		if (text.isBlank()) {
			throw new RejectedInput("filter.csv.text", line);
		}
		String label = row.get("label").strip();
		boolean bad = switch (label) {
			case "1" -> true;
			case "0" -> false;
			default -> throw new RejectedInput("filter.csv.label", line,
					label.length() > 20 ? label.substring(0, 20) + "…" : label);
		};
		return new Example(new FilterInput(text, optional(row, "author"), optional(row, "email"), optional(row, "url"),
				false, false), bad);
	}

	private static String optional(CSVRecord row, String column) {
		return row.isSet(column) && !row.get(column).isBlank() ? row.get(column) : null;
	}

	private static RejectedInput malformed(Exception ex, long line) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof CharacterCodingException) {
				return new RejectedInput("filter.csv.encoding");
			}
		}
		return new RejectedInput("filter.csv.malformed", line);
	}

	private static Reader withoutBom(Reader source) throws IOException {
		var in = new PushbackReader(source, 1);
		int first = in.read();
		if (first != -1 && first != '\uFEFF') {
			in.unread(first);
		}
		return in;
	}

}
