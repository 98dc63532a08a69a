package org.veche.archive;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.veche.backup.BackupRefused;

/**
 * {@code export wxr|backup FILE} and {@code restore FILE} on the command line: the
 * application starts without a web server on the configured data directory and database,
 * runs the one command with a progress line on standard error, prints the report and
 * exits non-zero with a clear message on any failure.
 */
public final class ArchiveCommand {

	static final String USAGE = "usage: java -jar veche.jar export wxr|backup|snapshot FILE [--veche.data-dir=DIR ...]\n"
			+ "       java -jar veche.jar restore FILE [--veche.data-dir=DIR ...]";

	private ArchiveCommand() {
	}

	/**
	 * Runs the command and returns the process's exit code: 0 done, 1 refused or failed,
	 * 2 wrong usage.
	 */
	public static int run(Class<?> application, String[] args, PrintStream out, PrintStream err) {
		String[] words = Arrays.stream(args).filter(a -> !a.startsWith("--")).toArray(String[]::new);
		String[] options = Arrays.stream(args).filter(a -> a.startsWith("--")).toArray(String[]::new);
		boolean export = words.length == 3 && words[0].equals("export")
				&& (words[1].equals("wxr") || words[1].equals("backup") || words[1].equals("snapshot"));
		boolean restore = words.length == 2 && words[0].equals("restore");
		if (!export && !restore) {
			err.println(USAGE);
			return 2;
		}
		Path file = Path.of(export ? words[2] : words[1]).toAbsolutePath();
		if (restore && !Files.isRegularFile(file)) {
			err.println("veche restore: no such file: " + file);
			return 1;
		}
		var app = new SpringApplication(application);
		// The site's beans are web beans, so the context stays a web one, but port -1
		// starts no HTTP connector; and a command must not fill the site it is about to
		// restore into with demo articles.
		app.setDefaultProperties(
				Map.of("server.port", "-1", "veche.demo-content", "false", "spring.main.banner-mode", "off"));
		app.setLogStartupInfo(false);
		String what = export ? "export " + words[1] : "restore";
		try (ConfigurableApplicationContext context = app.run(options)) {
			Archive archive = context.getBean(Archive.class);
			if (export && words[1].equals("snapshot")) {
				// SQLite's own copy of the live database file, safe while the site runs
				// on it
				archive.snapshot(file);
				out.println(what + ": done, " + file);
				return 0;
			}
			var progress = new Progress();
			var ticker = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().factory());
			ticker.scheduleAtFixedRate(() -> err.println(progress.line()), 1, 1, TimeUnit.SECONDS);
			try {
				ArchiveReport report = export ? export(archive, words[1], file, progress, context)
						: archive.restore(file, progress);
				ticker.shutdownNow();
				report.lines().forEach(out::println);
				out.println(what + ": done, " + file);
				return 0;
			}
			finally {
				ticker.shutdownNow();
			}
		}
		catch (BackupRefused ex) {
			err.println("veche " + what + ": " + ex.getMessage());
			return 1;
		}
		catch (RuntimeException | IOException ex) {
			Throwable root = ex;
			while (root.getCause() != null && root.getCause() != root) {
				root = root.getCause();
			}
			err.println("veche " + what + ": failed: " + root.getMessage());
			return 1;
		}
	}

	/**
	 * Writes next to the target first, so a failed run never leaves half a file under the
	 * name asked for.
	 */
	private static ArchiveReport export(Archive archive, String kind, Path file, Progress progress,
			ConfigurableApplicationContext context) throws IOException {
		Path partial = file.resolveSibling(file.getFileName() + ".part");
		try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(partial), 1 << 16)) {
			ArchiveReport report;
			if (kind.equals("wxr")) {
				var env = context.getEnvironment();
				String base = env.getProperty("veche.base-url", "");
				if (base.isBlank()) {
					base = "http://localhost:8080";
				}
				report = archive.wxr(out, base, progress);
			}
			else {
				report = archive.backup(out, progress);
			}
			out.close();
			Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			return report;
		}
		finally {
			Files.deleteIfExists(partial);
		}
	}

}
