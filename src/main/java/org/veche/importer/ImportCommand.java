package org.veche.importer;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.MessageSource;

/**
 * {@code java -jar veche.jar import wxr|disqus FILE [--veche.data-dir=... --spring.datasource.url=...]}:
 * the application without listening on any port, the import with its progress on the
 * console once a second, the report, and an exit status (0 done, 1 refused or failed, 2
 * wrong arguments).
 */
public final class ImportCommand {

	private ImportCommand() {
	}

	/**
	 * @param args "import", the format, the file, then any Spring Boot properties
	 */
	public static int run(Class<?> application, String[] args, PrintStream out, PrintStream err) {
		if (args.length < 3 || ExportFormat.parse(args[1]).isEmpty()) {
			err.println(
					"Usage: java -jar veche.jar import wxr|disqus FILE [--veche.data-dir=DIR] [--spring.datasource.url=URL]");
			return 2;
		}
		ExportFormat format = ExportFormat.parse(args[1]).orElseThrow();
		Path file = Path.of(args[2]);
		if (!Files.isReadable(file) || Files.isDirectory(file)) {
			err.println("Cannot read the file " + file.toAbsolutePath());
			return 2;
		}
		String[] rest = Arrays.copyOfRange(args, 3, args.length);
		// An import into a new data directory is the site's content: no demo articles
		// beside it. The web application context is built (the site's beans expect it)
		// but server.port=-1 opens no port at all.
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
			.properties("veche.demo-content=false", "spring.main.banner-mode=off", "server.port=-1")
			.run(rest)) {
			Imports imports = context.getBean(Imports.class);
			MessageSource messages = context;
			ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().factory());
			ImportRun[] current = { null };
			long every = context.getEnvironment()
				.getProperty("veche.importer.progress-interval", Duration.class, Duration.ofSeconds(1))
				.toMillis();
			ticker.scheduleAtFixedRate(() -> {
				if (current[0] == null) {
					imports.recent().stream().findFirst().ifPresent(r -> current[0] = r);
				}
				if (current[0] != null && !current[0].progress().finished()) {
					out.println(progressLine(current[0].progress()));
				}
			}, every, every, TimeUnit.MILLISECONDS);
			ImportRun run;
			long started = System.nanoTime();
			try {
				run = imports.run(format, file);
			}
			finally {
				ticker.shutdownNow();
			}
			if (run.failure() != null) {
				err.println("Import refused: " + run.failure().getMessage());
				err.println("Nothing was changed on the site.");
				return 1;
			}
			out.printf(Locale.ROOT, "Import done in %.1f s.%n", (System.nanoTime() - started) / 1e9);
			out.print(report(run.report(), messages));
			return 0;
		}
		catch (ImportFailed ex) {
			err.println("Import refused: " + ex.getMessage());
			return 1;
		}
		catch (RuntimeException ex) {
			err.println("Import failed: " + ex.getMessage());
			return 1;
		}
	}

	static String progressLine(ImportProgress progress) {
		Duration left = progress.timeLeft();
		return String.format(Locale.ROOT, "%s: %d of %d, %.1f/s, %s left",
				progress.phase().name().toLowerCase(Locale.ROOT), progress.done(), progress.total(), progress.rate(),
				left == null ? "?" : left.toSeconds() + " s");
	}

	/** The report in English, as the admin page shows it. */
	static String report(ImportReport report, MessageSource messages) {
		var text = new StringBuilder("Came in:\n");
		report.counts()
			.forEach((key, n) -> text.append("  ").append(english(messages, key)).append(": ").append(n).append('\n'));
		text.append("Skipped or changed on the way (")
			.append(report.skipped().size() + report.skippedBeyond())
			.append("):\n");
		report.skipped()
			.forEach(line -> text.append("  - ")
				.append(english(messages, line.key(), line.args().toArray()))
				.append('\n'));
		text.append("Kept as links (").append(report.links().size() + report.linksBeyond()).append("):\n");
		report.links()
			.forEach(line -> text.append("  - ")
				.append(english(messages, line.key(), line.args().toArray()))
				.append('\n'));
		return text.toString();
	}

	private static String english(MessageSource messages, String key, Object... args) {
		return messages.getMessage(key, args, key, Locale.ENGLISH);
	}

}
