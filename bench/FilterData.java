// Converts the shared labelled data sets into the filter's training format (text,label[,author]).
// Run by bench/filter-data.sh; reads ../shared/data (or the folder given), writes CSV files to the output folder.
// Schemas: see each folder's SOURCES.md. The YouTube DATE column is never read: it leaks the label.

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

public class FilterData {

	static final CSVFormat IN = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
		.setAllowMissingColumnNames(true).get();

	static final CSVFormat TSV = IN.builder().setDelimiter('\t').get();

	public static void main(String[] args) throws IOException {
		Path shared = Path.of(args[0]);
		Path out = Path.of(args[1]);
		Files.createDirectories(out);
		youtube(shared.resolve("youtube-spam"), out.resolve("youtube-spam.csv"));
		davidson(shared.resolve("abuse-en/davidson_labeled_data.csv"), out.resolve("abuse-en.csv"));
		paradetox(shared.resolve("toxic-ru-pairs"), out.resolve("toxic-ru-pairs.csv"));
	}

	static void youtube(Path folder, Path target) throws IOException {
		int rows = 0;
		try (var printer = printer(target, "text", "label", "author")) {
			List<Path> files;
			try (var list = Files.list(folder)) {
				files = list.filter(p -> p.getFileName().toString().matches("Youtube0\\d-.*\\.csv")).sorted().toList();
			}
			for (Path file : files) {
				for (CSVRecord r : records(file, IN)) {
					printer.printRecord(r.get("CONTENT"), r.get("CLASS"), r.get("AUTHOR"));
					rows++;
				}
			}
		}
		System.out.println(target + ": " + rows + " rows");
	}

	static void davidson(Path file, Path target) throws IOException {
		int rows = 0;
		try (var printer = printer(target, "text", "label")) {
			for (CSVRecord r : records(file, IN)) {
				int c = Integer.parseInt(r.get("class"));
				printer.printRecord(r.get("tweet"), c == 0 || c == 1 ? 1 : 0);
				rows++;
			}
		}
		System.out.println(target + ": " + rows + " rows");
	}

	static void paradetox(Path folder, Path target) throws IOException {
		int rows = 0;
		try (var printer = printer(target, "text", "label")) {
			for (String name : List.of("ruparadetox_train.tsv", "ruparadetox_dev.tsv")) {
				for (CSVRecord r : records(folder.resolve(name), TSV)) {
					printer.printRecord(r.get("toxic_comment"), 1);
					rows++;
					for (String n : List.of("neutral_comment1", "neutral_comment2", "neutral_comment3")) {
						if (r.isSet(n) && !r.get(n).isBlank()) {
							printer.printRecord(r.get(n), 0);
							rows++;
						}
					}
				}
			}
		}
		System.out.println(target + ": " + rows + " rows");
	}

	static List<CSVRecord> records(Path file, CSVFormat format) throws IOException {
		try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			return format.parse(in).getRecords();
		}
	}

	static CSVPrinter printer(Path target, String... header) throws IOException {
		Writer w = Files.newBufferedWriter(target, StandardCharsets.UTF_8);
		return new CSVPrinter(w, CSVFormat.RFC4180.builder().setHeader(header).get());
	}

}
