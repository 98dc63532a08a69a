package org.veche;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.veche.archive.ArchiveCommand;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
// the generated table classes (org.veche.schema) are used by every module that owns a
// table
@Modulithic(sharedModules = "schema")
public class VecheApplication {

	/**
	 * Spring Boot's switch for its start-time warm-up thread (a system property: it is
	 * read before any other).
	 */
	static final String NO_BACKGROUND_WARM_UP = "spring.backgroundpreinitializer.ignore";

	public static void main(String[] args) {
		// Spring Boot warms some libraries on a second thread while the context starts: a
		// full set of message converters with XSLT, charsets and time zones. On two cores
		// that thread takes the core the JIT compilers need, and it loads classes that no
		// page asks for. Set the property to false to have it back.
		if (System.getProperty(NO_BACKGROUND_WARM_UP) == null) {
			System.setProperty(NO_BACKGROUND_WARM_UP, "true");
		}
		String command = args.length > 0 ? args[0] : "";
		switch (command) {
			// A command word runs that command and exits instead of starting the site;
			// each module adds its case.
			case "import" ->
				System.exit(org.veche.importer.ImportCommand.run(VecheApplication.class, args, System.out, System.err));
			case "moderation" -> System.exit(args.length > 1 && args[1].equals("verify-audit")
					? org.veche.moderation.audit.AuditCommand.run(java.util.List.of(args).subList(2, args.length),
							System.out, System.err)
					: org.veche.moderation.filter.FilterCommand.run(java.util.List.of(args).subList(1, args.length),
							System.out, System.err));
			case "export", "restore" ->
				System.exit(ArchiveCommand.run(VecheApplication.class, args, System.out, System.err));
			default -> SpringApplication.run(VecheApplication.class, args);
		}
	}

}
