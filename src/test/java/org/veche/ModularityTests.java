package org.veche;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The modules talk only through their published faces, and no two depend on each other in
 * a circle; the module documentation in docs/modules is what Spring Modulith's Documenter
 * writes for the code as it is.
 */
class ModularityTests {

	/** Where the documentation is checked in. */
	static final Path DOCS = Path.of("docs/modules");

	/** Where this test writes it afresh on every run. */
	static final Path GENERATED = Path.of("target/spring-modulith-docs");

	/**
	 * Set (-Dveche.docs.update=true) to copy the fresh documentation into docs/modules
	 * instead of comparing.
	 */
	static final String UPDATE = "veche.docs.update";

	private final ApplicationModules modules = ApplicationModules.of(VecheApplication.class);

	@Test
	void modulesRespectTheirBoundaries() {
		modules.verify();
	}

	@Test
	void documentsEveryModule() throws IOException {
		new Documenter(modules, Documenter.Options.defaults().withOutputFolder(GENERATED.toString()))
			.writeDocumentation();
		String components = Files.readString(GENERATED.resolve("components.puml"));
		modules.forEach(module -> assertThat(components).contains(module.getDisplayName()));

		Map<String, String> fresh = files(GENERATED);
		if (Boolean.getBoolean(UPDATE)) {
			replace(DOCS, fresh);
		}
		Map<String, String> checkedIn = files(DOCS);
		var stale = new TreeSet<String>(fresh.keySet());
		stale.addAll(checkedIn.keySet());
		stale.removeIf(name -> Objects.equals(fresh.get(name), checkedIn.get(name)));
		assertThat(stale).as("""
				files of docs/modules that are not what the Documenter writes for the code as it is now. When a \
				module's face, events or dependencies changed on purpose, write them afresh with
				  mvn -B -q test -Dtest=ModularityTests -Dveche.docs.update=true
				and commit docs/modules with the change""").isEmpty();
	}

	/**
	 * Every file under the folder by its relative path, with its text (line ends as they
	 * are).
	 */
	private static Map<String, String> files(Path folder) {
		var files = new TreeMap<String, String>();
		if (!Files.isDirectory(folder)) {
			return files;
		}
		try (Stream<Path> all = Files.walk(folder)) {
			all.filter(Files::isRegularFile)
				.forEach(file -> files.put(folder.relativize(file).toString().replace('\\', '/'), read(file)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return files;
	}

	private static String read(Path file) {
		try {
			return inOrder(Files.readString(file));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The text with the lists whose order means nothing sorted: each run of PlantUML
	 * relations ("Rel(...)" lines) and each list in a module canvas's table cell ("|* a",
	 * "* b", ...). The Documenter writes them in an order that differs from one run (and
	 * machine, and test order) to the next.
	 */
	static String inOrder(String text) {
		var lines = new ArrayList<>(text.lines().toList());
		for (int start = 0; start < lines.size(); start++) {
			int end = start;
			if (lines.get(start).startsWith("Rel(")) {
				while (end < lines.size() && lines.get(end).startsWith("Rel(")) {
					end++;
				}
				Collections.sort(lines.subList(start, end));
			}
			else if (lines.get(start).startsWith("* ") || lines.get(start).startsWith("|* ")) {
				boolean cell = lines.get(start).startsWith("|");
				lines.set(start, lines.get(start).substring(cell ? 1 : 0));
				while (end < lines.size() && lines.get(end).startsWith("* ")) {
					end++;
				}
				Collections.sort(lines.subList(start, end));
				if (cell) {
					lines.set(start, "|" + lines.get(start));
				}
			}
			start = Math.max(start, end - 1);
		}
		return String.join("\n", lines) + (text.endsWith("\n") ? "\n" : "");
	}

	/** Makes the folder hold exactly these files. */
	private static void replace(Path folder, Map<String, String> files) throws IOException {
		if (Files.isDirectory(folder)) {
			try (Stream<Path> old = Files.walk(folder)) {
				for (Path file : old.filter(Files::isRegularFile).toList()) {
					Files.delete(file);
				}
			}
		}
		for (var file : files.entrySet()) {
			Path target = folder.resolve(file.getKey());
			Files.createDirectories(target.getParent());
			Files.writeString(target, file.getValue());
		}
	}

}
