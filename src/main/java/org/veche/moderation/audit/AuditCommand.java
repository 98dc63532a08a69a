package org.veche.moderation.audit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code moderation verify-audit FILE [--head SHA256]}: checks an audit export without
 * starting the site. Exit status 0 when the chain holds (and ends at the given head), 1
 * when it breaks, 2 for a wrong command. A named interface of its own, so that the
 * application's main method may run it and see nothing else of the audit.
 */
@org.springframework.modulith.NamedInterface("audit-command")
public final class AuditCommand {

	static final int INTACT = 0;

	static final int BROKEN = 1;

	static final int USAGE = 2;

	static final String HELP = """
			usage: moderation verify-audit FILE [--head SHA256]
			  FILE is the audit export (JSON lines) from /admin/moderation/audit. With --head, the file's last line
			  must also hash to that value (the head the site showed, or a monthly report's anchor), which catches a
			  changed or removed last line.""";

	private AuditCommand() {
	}

	/**
	 * Runs the command with the words after "verify-audit"; returns the process's exit
	 * status.
	 */
	public static int run(List<String> args, PrintStream out, PrintStream err) {
		String file = null;
		String head = null;
		for (int i = 0; i < args.size(); i++) {
			String arg = args.get(i);
			if (arg.equals("--head") && i + 1 < args.size()) {
				head = args.get(++i).strip().toLowerCase(java.util.Locale.ROOT);
			}
			else if (!arg.startsWith("--") && file == null) {
				file = arg;
			}
			else {
				err.println("moderation verify-audit: unexpected " + arg);
				err.println(HELP);
				return USAGE;
			}
		}
		if (file == null) {
			err.println("moderation verify-audit: which file?");
			err.println(HELP);
			return USAGE;
		}
		AuditCheck check;
		try (BufferedReader lines = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
			check = AuditCheck.of(lines);
		}
		catch (IOException | java.io.UncheckedIOException ex) {
			err.println("moderation verify-audit: cannot read " + file + ": " + ex.getMessage());
			return USAGE;
		}
		if (!check.intact()) {
			out.println(check.describe());
			return BROKEN;
		}
		if (head != null && !head.equals(check.head())) {
			out.println("broken at the end: the last line (seq " + check.lastSeq() + ") hashes to " + check.head()
					+ ", not to the head " + head + " (the last lines were changed or removed)");
			return BROKEN;
		}
		out.println(check.describe());
		return INTACT;
	}

}
