package org.veche.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every UI string comes from the bundles, and the three languages say the same set of
 * things.
 */
class MessageBundlesTests {

	private static final Pattern KEY_IN_TEMPLATE = Pattern.compile("page\\.(?:t|plural)\\(\"([a-zA-Z0-9.]+)\"");

	private static final Pattern KEY_IN_JAVA = Pattern
		.compile("RejectedInput\\((?:HttpStatus\\.[A-Z_]+, )?\"([a-zA-Z0-9.]+)\"");

	static Properties bundle(String suffix) throws IOException {
		var properties = new Properties();
		try (var in = MessageBundlesTests.class.getResourceAsStream("/messages" + suffix + ".properties")) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

	@Test
	void russianAndUkrainianTranslateEveryEnglishMessage() throws IOException {
		Set<String> english = bundle("").stringPropertyNames();
		for (String language : new String[] { "_ru", "_uk" }) {
			Set<String> translated = bundle(language).stringPropertyNames();
			assertThat(translated).as("keys missing in messages%s", language)
				.containsAll(english.stream().filter(k -> !k.matches(".*\\.(few|many)$")).toList());
			assertThat(english).as("keys only in messages%s", language)
				.containsAll(translated.stream().filter(k -> !k.matches(".*\\.(few|many)$")).toList());
		}
	}

	@Test
	void everyKeyTheTemplatesAndInputChecksUseExistsInEnglish() throws IOException {
		Set<String> used = new TreeSet<>();
		try (Stream<Path> files = Stream.concat(Files.walk(Path.of("src/main/jte")),
				Files.walk(Path.of("src/main/java")))) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				String text = Files.readString(file);
				var pattern = file.toString().endsWith(".jte") ? KEY_IN_TEMPLATE : KEY_IN_JAVA;
				pattern.matcher(text).results().map(m -> m.group(1)).forEach(used::add);
			}
		}
		assertThat(used).hasSizeGreaterThan(50);
		Set<String> english = bundle("").stringPropertyNames();
		for (String key : used) {
			boolean plural = english.contains(key + ".one") && english.contains(key + ".other");
			// a key ending in a dot is completed in the template ("editor.status." +
			// status)
			boolean prefix = key.endsWith(".") && english.stream().anyMatch(k -> k.startsWith(key));
			assertThat(english.contains(key) || plural || prefix).as("message %s", key).isTrue();
		}
	}

}
