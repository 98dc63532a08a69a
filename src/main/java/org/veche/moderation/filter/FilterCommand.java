package org.veche.moderation.filter;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import org.veche.site.RejectedInput;

/**
 * {@code moderation evaluate --task spam|abuse --data FILE.csv [--test FILE.csv] [--folds 5] [--seed 1]}:
 * trains the filter's model on a labelled file and prints precision, recall, F1 and
 * ROC-AUC, without starting the site or touching any database.
 */
public final class FilterCommand {

	static final int OK = 0;

	static final int BAD_FILE = 1;

	static final int USAGE = 2;

	static final String HELP = """
			usage: moderation evaluate --task spam|abuse --data FILE.csv [--test FILE.csv] [--folds 5] [--seed 1]
			  FILE.csv has a header row with the columns text and label (1 = spam or abusive, 0 = fine),
			  optionally author, email, url. Without --test, k-fold cross-validation on --data.""";

	private FilterCommand() {
	}

	/**
	 * Runs the command with the words after "moderation"; returns the process's exit
	 * status.
	 */
	public static int run(List<String> args, PrintStream out, PrintStream err) {
		if (args.isEmpty() || !args.get(0).equals("evaluate")) {
			err.println(args.isEmpty() ? "moderation: say what to do" : "moderation: unknown command " + args.get(0));
			err.println(HELP);
			return USAGE;
		}
		Options options;
		try {
			options = Options.parse(args.subList(1, args.size()));
		}
		catch (IllegalArgumentException ex) {
			err.println("moderation evaluate: " + ex.getMessage());
			err.println(HELP);
			return USAGE;
		}
		try {
			List<Example> data = load(options.data());
			Metrics m;
			if (options.test() != null) {
				m = Evaluation.holdOut(data, load(options.test()), options.seed());
				err.printf(Locale.ROOT, "%s: trained on %d examples of %s, tested on %s%n",
						options.task().name().toLowerCase(Locale.ROOT), data.size(), options.data(), options.test());
			}
			else {
				if (options.folds() > data.size()) {
					err.println("moderation evaluate: more folds than examples in " + options.data());
					return USAGE;
				}
				m = Evaluation.crossValidate(data, options.folds(), options.seed());
				err.printf(Locale.ROOT, "%s: %d-fold stratified cross-validation on %d examples (%d bad) of %s%n",
						options.task().name().toLowerCase(Locale.ROOT), options.folds(), data.size(),
						data.stream().filter(Example::bad).count(), options.data());
			}
			out.printf(Locale.ROOT, "precision: %.4f%nrecall: %.4f%nf1: %.4f%nroc-auc: %.4f%n", m.precision(),
					m.recall(), m.f1(), m.rocAuc());
			return OK;
		}
		catch (BadFile ex) {
			err.println("moderation evaluate: " + ex.getMessage());
			return BAD_FILE;
		}
	}

	private static List<Example> load(Path file) {
		try (InputStream in = Files.newInputStream(file)) {
			return LabelledCsv.read(LabelledCsv.utf8(in));
		}
		catch (NoSuchFileException ex) {
			throw new BadFile(file + ": no such file");
		}
		catch (IOException ex) {
			throw new BadFile(file + ": cannot be read (" + ex.getClass().getSimpleName() + ")");
		}
		catch (RejectedInput ex) {
			throw new BadFile(file + ": " + english(ex));
		}
	}

	/** The same sentence the admin page shows, from the English message bundle. */
	private static String english(RejectedInput ex) {
		var bundle = ResourceBundle.getBundle("messages", Locale.ROOT,
				ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
		return new MessageFormat(bundle.getString(ex.messageKey()), Locale.ENGLISH).format(ex.arguments());
	}

	private static final class BadFile extends RuntimeException {

		BadFile(String message) {
			super(message, null, false, false);
		}

	}

	record Options(FilterTask task, Path data, Path test, int folds, long seed) {

		static Options parse(List<String> args) {
			FilterTask task = null;
			Path data = null;
			Path test = null;
			int folds = 5;
			long seed = 1;
			for (int i = 0; i < args.size(); i++) {
				String name = args.get(i);
				if (i + 1 >= args.size()) {
					throw new IllegalArgumentException(name + " needs a value");
				}
				String value = args.get(++i);
				switch (name) {
					case "--task" -> task = switch (value) {
						case "spam" -> FilterTask.SPAM;
						case "abuse" -> FilterTask.ABUSE;
						default -> throw new IllegalArgumentException("--task is spam or abuse, not " + value);
					};
					case "--data" -> data = Path.of(value);
					case "--test" -> test = Path.of(value);
					case "--folds" -> folds = number(name, value, 2, 100);
					case "--seed" -> seed = number(name, value, 0, Integer.MAX_VALUE);
					default -> throw new IllegalArgumentException("unknown option " + name);
				}
			}
			if (task == null || data == null) {
				throw new IllegalArgumentException("--task and --data are required");
			}
			return new Options(task, data, test, folds, seed);
		}

		private static int number(String name, String value, int min, int max) {
			try {
				int n = Integer.parseInt(value);
				if (n >= min && n <= max) {
					return n;
				}
			}
			catch (NumberFormatException ex) {
				// said below
			}
			throw new IllegalArgumentException(name + " must be a whole number from " + min + " to " + max);
		}

	}

}
