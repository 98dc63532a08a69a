// Converts the shared labelled data sets into the filter's training format (text,label[,author]):
// youtube-spam, abuse-en, hate-en (hate speech only, few positives), hate-en-2k (its small sample), toxic-ru-pairs.
// Run by bench/filter-data.sh; reads ../shared/data (or the folder given), writes CSV files to the output folder.
// Schemas: see each folder's SOURCES.md. The YouTube DATE column is never read: it leaks the label.

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

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
		hate(shared.resolve("abuse-en/davidson_labeled_data.csv"), out.resolve("hate-en.csv"), 0);
		hate(shared.resolve("abuse-en/davidson_labeled_data.csv"), out.resolve("hate-en-2k.csv"), 2000);
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

	/**
	 * The few-positives task: Davidson's hate speech (class 0, 5.8%) against offensive and neither. With a
	 * sample size, a stratified sample of that many rows (java.util.Random seed 1, the file's share of hate
	 * speech kept, rows in the file's order): small data with about a hundred positives.
	 */
	static void hate(Path file, Path target, int sample) throws IOException {
		List<CSVRecord> all = records(file, IN);
		var hate = new ArrayList<Integer>();
		var rest = new ArrayList<Integer>();
		for (int i = 0; i < all.size(); i++) {
			(Integer.parseInt(all.get(i).get("class")) == 0 ? hate : rest).add(i);
		}
		var keep = new TreeSet<Integer>();
		if (sample <= 0) {
			keep.addAll(hate);
			keep.addAll(rest);
		}
		else {
			var random = new Random(1);
			Collections.shuffle(hate, random);
			Collections.shuffle(rest, random);
			int positives = (int) Math.round((double) sample * hate.size() / all.size());
			keep.addAll(hate.subList(0, positives));
			keep.addAll(rest.subList(0, sample - positives));
		}
		int bad = 0;
		try (var printer = printer(target, "text", "label")) {
			for (int i : keep) {
				boolean hateSpeech = Integer.parseInt(all.get(i).get("class")) == 0;
				printer.printRecord(all.get(i).get("tweet"), hateSpeech ? 1 : 0);
				bad += hateSpeech ? 1 : 0;
			}
		}
		System.out.println(target + ": " + keep.size() + " rows, " + bad + " hate speech");
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
